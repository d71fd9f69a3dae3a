package vaultgen

import "strings"

// topicTitle returns a display title. The file name of a topic note is its normalised title,
// so the punctuation here ("Norvale.com's", "(GPU)", "vs.") is what makes title-spelled links
// resolve only after normalisation.
func topicTitle(r *rng, nonASCII bool) string {
	proper := pick(r, propers)
	if nonASCII || r.per10k(20) {
		proper = pick(r, nonASCIIPropers)
	}
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	switch r.intn(17) {
	case 0:
		w(capitalise(pick(r, adjectives)), " ", pick(r, nouns), " at ", proper)
	case 1:
		w(capitalise(pick(r, nouns)), " and ", pick(r, nouns), " in ", proper)
	case 2:
		w("History of ", proper, " ", pick(r, properSuffixes))
	case 3:
		w("Role of ", pick(r, nouns), " in ", pick(r, adjectives), " ", pick(r, nouns))
	case 4:
		w(proper, "'s ", pick(r, nouns), " strategy")
	case 5:
		w(proper, ".com's ", pick(r, nouns))
	case 6:
		w("Impact of ", pick(r, nouns), " on ", pick(r, nouns))
	case 7:
		w(proper, " ", pick(r, properSuffixes), " (", pick(r, acronyms), ")")
	case 8:
		w(capitalise(pick(r, nouns)), ": ", pick(r, adjectives), " ", pick(r, nouns))
	case 9:
		w(capitalise(pick(r, adjectives)), " ", pick(r, nouns), " of ", proper)
	case 10:
		w("How ", proper, " ", pick(r, pastVerbs), " the ", pick(r, nouns))
	case 11:
		w(proper, " ", pick(r, properSuffixes), " and the ", pick(r, adjectives), " ", pick(r, nouns))
	case 12:
		w("The ", titleWords(pick(r, nouns)), " of ", proper, " ", pick(r, properSuffixes))
	case 13:
		w(capitalise(pick(r, nouns)), " vs. ", pick(r, nouns))
	case 14:
		w(capitalise(pick(r, nouns)), " in the ", itoa(r.between(12, 20)), "th century")
	case 15:
		w(pick(r, acronyms), " ", pick(r, nouns), " economics")
	default:
		w(capitalise(pick(r, adjectives)), " ", pick(r, nouns), " and ", pick(r, adjectives), " ", pick(r, nouns))
	}
	return b.String()
}

// titleWords capitalises every word of s.
func titleWords(s string) string {
	b := []byte(s)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == ' ' || c == '-'
	}
	return string(b)
}

// episodeTitle returns the text of an episode link in a channel note: free text, never a file
// name, so it may hold any punctuation except brackets.
func episodeTitle(r *rng) string {
	proper := pick(r, propers)
	switch r.intn(6) {
	case 0:
		return "#" + itoa(r.between(1, 400)) + " " + proper + " " + pick(r, properSuffixes) + ": the " + pick(r, adjectives) + " " + pick(r, nouns)
	case 1:
		return proper + " " + pick(r, properSuffixes) + " (Part " + itoa(r.between(1, 4)) + ")"
	case 2:
		return "The " + pick(r, nouns) + " episode — with " + proper + " " + pick(r, properSuffixes)
	case 3:
		return "Episode " + itoa(r.between(1, 900)) + ": " + titleWords(pick(r, adjectives)+" "+pick(r, nouns))
	case 4:
		return capitalise(pick(r, adjectives)) + " " + pick(r, nouns) + "? " + proper + " explains"
	default:
		return "How " + proper + " " + pick(r, pastVerbs) + " the " + pick(r, nouns) + " | " + capitalise(pick(r, tagWords[:15]))
	}
}
