package vaultstats_test

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/internal/vaultstats"
)

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

const (
	validTS   = `<a class="yt-timestamp" data-t="00:01:02">[00:01:02]</a>`
	invalidTS = `<a class="yt-timestamp" data-t="soon">[soon]</a>`
)

// Each case is a small vault whose figures were counted by hand; only the fields named in
// fields are compared.
func TestMeasure(t *testing.T) {
	for _, c := range []struct {
		name   string
		files  map[string]string
		fields string
		want   vaultstats.Stats
	}{
		{
			name: "tokens are runs of letters, case-folded, digits and punctuation split",
			// cat×3 dog été×2 x y don t: 10 tokens, 7 words, dog x y don t once.
			files:  map[string]string{"a.md": "Cat cat, CAT dog!\nÉté été x2y don't 42"},
			fields: "Tokens Distinct Once Top10Share Top1000Share",
			want:   vaultstats.Stats{Tokens: 10, Distinct: 7, Once: 5, Top10Share: 1, Top1000Share: 1},
		},
		{
			name: "tokens over every note, frontmatter and HTML markup included",
			// a: title hi word; b: a class yt timestamp data t 00 01 02 00 01 02 a word
			// (digits are words too, the closing </a> is another "a"): 17 tokens, 12 words,
			// seven of them once ("word", "a", "00", "01" and "02" twice).
			files: map[string]string{
				"a.md":     "---\ntitle: Hi\n---\nword\n",
				"sub/b.md": validTS + " word",
			},
			fields: "Tokens Distinct Once",
			want:   vaultstats.Stats{Tokens: 17, Distinct: 12, Once: 7},
		},
		{
			name: "the 10 most frequent words leave out the 11th",
			// 12 tokens, 11 words; k twice and ten others once: the top 10 hold k twice
			// and nine others, 11 of 12.
			files:  map[string]string{"a.md": "a b c d e f g h i j k k"},
			fields: "Tokens Distinct Once Top10Share Top1000Share",
			want:   vaultstats.Stats{Tokens: 12, Distinct: 11, Once: 10, Top10Share: 11.0 / 12, Top1000Share: 1},
		},
		{
			name: "lines",
			// a: "one", "", " \t", "two  three\r" (4 lines, 2 non-empty of 3 and 10 runes);
			// b: "été" without a final newline (1 line, 3 runes); c: empty, no lines.
			files: map[string]string{
				"a.md": "one\n\n \t\ntwo  three\r\n",
				"b.md": "été",
				"c.md": "",
			},
			fields: "Notes LinesPerNote MeanLineRunes",
			want:   vaultstats.Stats{Notes: 3, LinesPerNote: 5.0 / 3, MeanLineRunes: 16.0 / 3},
		},
		{
			name: "sizes and folders",
			// Sizes 10, 20, 30, 40: nearest-rank median 20, p99 40. Folders x, x/y, z,
			// p/q; not p (only a folder in it), not .obsidian (hidden), not img (no note).
			files: map[string]string{
				"c.md":           strings.Repeat("a", 10),
				"x/a.md":         strings.Repeat("b", 20),
				"x/y/b.md":       strings.Repeat("c", 30),
				"z/d.md":         strings.Repeat("d", 40),
				"p/q/e.md":       "",
				".obsidian/w.md": strings.Repeat("e", 1000),
				"img/pic.png":    "png",
			},
			fields: "Notes Folders Bytes SizeMedian SizeMean SizeP99 SizeMax",
			want:   vaultstats.Stats{Notes: 5, Folders: 4, Bytes: 100, SizeMedian: 20, SizeMean: 20, SizeP99: 40, SizeMax: 40},
		},
		{
			name: "links by how they resolve",
			// Exact: Alpha (name), #Head (self), sub/beta (path), beta.md (Markdown link,
			// name), pic.png (embed of an attachment). Only after normalising: alpha
			// (case only), ALPHA- (normalised only). Unresolved: Gone and gone (one name),
			// Away/Far (a path; name "far").
			files: map[string]string{
				"Alpha.md":    "[[Alpha]] [[alpha]] [[ALPHA-]] [[#Head]] [[sub/beta]]\n[[Gone]] [[gone]] [[Away/Far]] [x](beta.md) ![[pic.png]]\n",
				"sub/beta.md": "no links",
				"img/pic.png": "png",
			},
			fields: "Notes Links WikilinksPerNote MarkdownLinksPerNote ExactShare NormalisedShare UnresolvedShare UnresolvedNames",
			want: vaultstats.Stats{
				Notes: 2, Links: 10, WikilinksPerNote: 4.5, MarkdownLinksPerNote: 0.5,
				ExactShare: 0.5, NormalisedShare: 0.2, UnresolvedShare: 0.3, UnresolvedNames: 2,
			},
		},
		{
			name: "timestamps",
			files: map[string]string{
				"a.md": validTS + " then " + invalidTS + "\n",
				"b.md": "- " + validTS + "\n- " + validTS + "\n",
			},
			fields: "Timestamps InvalidTimestamps TimestampsPerNote",
			want:   vaultstats.Stats{Timestamps: 4, InvalidTimestamps: 1, TimestampsPerNote: 2},
		},
		{
			name: "a note with a link reference definition is declined",
			files: map[string]string{
				"a.md": "plain [[x]]\n",                              // 12 bytes
				"b.md": "text [ref]\n\n[ref]: https://example.com\n", // 39 bytes
				"c.md": "---\ntitle: t\n---\n# Heading\n",            // 27 bytes
				"d.md": "Setext\n======\n",                           // 14 bytes
			},
			fields: "Bytes DeclinedShare DeclinedBytesShare",
			want:   vaultstats.Stats{Bytes: 92, DeclinedShare: 0.5, DeclinedBytesShare: 53.0 / 92},
		},
		{
			name:   "empty vault",
			files:  map[string]string{"img/pic.png": "png"},
			fields: "Notes Tokens Distinct Folders Bytes SizeMedian SizeMean LinesPerNote MeanLineRunes Top10Share ExactShare DeclinedShare",
			want:   vaultstats.Stats{},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := vaultstats.Measure(mapFS(c.files))
			if err != nil {
				t.Fatal(err)
			}
			g, w := reflect.ValueOf(got), reflect.ValueOf(c.want)
			for _, f := range strings.Fields(c.fields) {
				gv, wv := g.FieldByName(f), w.FieldByName(f)
				if !gv.IsValid() {
					t.Fatalf("no field %s", f)
				}
				same := gv.Equal(wv)
				if gv.CanFloat() {
					same = math.Abs(gv.Float()-wv.Float()) < 1e-9
				}
				if !same {
					t.Errorf("%s = %v, want %v", f, gv, wv)
				}
			}
		})
	}
}

func TestTable(t *testing.T) {
	got := vaultstats.Reference.Table(&vaultstats.Reference)
	for _, want := range []string{
		"| statistic ",
		"| 27.4 M / 103,053 (24,757 once) ",
		"| 32.4 % / 77.8 % ",
		"| 82 / 21,273 ",
		"| 6.6 KB / 7.8 KB / 22.0 KB / 986 KB ",
		"| 54.0 / 213 ",
		"| 9.9 / 0.4 / 34.9 ",
		"| 2.0 % (3.1 % of bytes) ",
		"| 67.0 % / 12.0 % / 21.0 % (20,043 names) ",
		"| 534 of 740,924 ",
		"| 166 MB ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	tiny := vaultstats.Stats{DeclinedShare: 1.0 / 20000}
	if got := tiny.Table(nil); !strings.Contains(got, "| < 0.1 % (0.0 % of bytes) ") {
		t.Errorf("a share that rounds to 0.0 %% shows as < 0.1 %%:\n%s", got)
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 12 {
		t.Errorf("table has %d lines, want a header, a rule and 10 rows:\n%s", len(lines), got)
	}
	for _, l := range lines {
		if len([]rune(l)) != len([]rune(lines[0])) || strings.Count(l, "|") != 4 {
			t.Errorf("row not aligned in three columns: %q", l)
		}
	}
	if one := vaultstats.Reference.Table(nil); strings.Contains(one, "reference") || strings.Count(strings.SplitN(one, "\n", 2)[0], "|") != 3 {
		t.Errorf("without a reference the table has two columns:\n%s", one)
	}
}
