package markdown_test

import (
	"testing"

	"vaultview/vault/markdown"
)

func TestATXHeading_Content(t *testing.T) {
	tests := []struct {
		line, content string
		level         int
		ok            bool
	}{
		{"# Title", "Title", 1, true},
		{"###   Title  ###  ", "Title", 3, true},
		{"## Title#", "Title#", 2, true},
		{"#\tTab", "Tab", 1, true},
		{"##", "", 2, true},
		{"# ###", "", 1, true},
		{"#tag", "", 0, false},
		{"####### seven", "", 0, false},
	}
	for _, tt := range tests {
		level, a, b, ok := markdown.ATXHeading([]byte(tt.line))
		if ok != tt.ok || level != tt.level || ok && tt.line[a:b] != tt.content {
			t.Errorf("ATXHeading(%q) = %d, %q, %v; want %d, %q, %v", tt.line, level, tt.line[a:b], ok, tt.level, tt.content, tt.ok)
		}
	}
}

func TestCalloutMarker_TypeCharacters(t *testing.T) {
	tests := []struct {
		line, typ string
		fold      byte
		n         int
		ok        bool
	}{
		{"[!tip] Title", "tip", 0, 6, true},
		{"[!my-type_2]- x", "my-type_2", '-', 13, true},
		{"[!Frågor]+", "Frågor", '+', 11, true},
		{"[!my.type] x", "", 0, 0, false},
		{"[!] x", "", 0, 0, false},
		{"[!tip", "", 0, 0, false},
		{"[tip]", "", 0, 0, false},
	}
	for _, tt := range tests {
		typ, fold, n, ok := markdown.CalloutMarker([]byte(tt.line))
		if string(typ) != tt.typ || fold != tt.fold || n != tt.n || ok != tt.ok {
			t.Errorf("CalloutMarker(%q) = %q, %q, %d, %v", tt.line, typ, fold, n, ok)
		}
	}
}

func TestListMarker_Forms(t *testing.T) {
	tests := []struct {
		line             string
		w                int
		ordered, starts1 bool
	}{
		{"- a", 1, false, false},
		{"*", 1, false, false},
		{"-a", 0, false, false},
		{"1. a", 2, true, true},
		{"001) a", 4, true, true},
		{"2. a", 2, true, false},
		{"123456789. a", 10, true, false},
		{"1234567890. a", 0, false, false},
		{"1.a", 0, false, false},
	}
	for _, tt := range tests {
		w, ordered, starts1 := markdown.ListMarker([]byte(tt.line))
		if w != tt.w || ordered != tt.ordered || starts1 != tt.starts1 {
			t.Errorf("ListMarker(%q) = %d, %v, %v", tt.line, w, ordered, starts1)
		}
	}
}

func TestFences_AndBreaks(t *testing.T) {
	if c, n, ok := markdown.OpenFence([]byte("````go")); !ok || c != '`' || n != 4 {
		t.Errorf("OpenFence(````go) = %q, %d, %v", c, n, ok)
	}
	for _, line := range []string{"``", "``` a`b", "~~", "abc"} {
		if _, _, ok := markdown.OpenFence([]byte(line)); ok {
			t.Errorf("OpenFence(%q) opened a fence", line)
		}
	}
	if !markdown.ClosesFence([]byte("~~~~~  "), '~', 4) || markdown.ClosesFence([]byte("```"), '`', 4) || markdown.ClosesFence([]byte("```` x"), '`', 4) {
		t.Error("ClosesFence")
	}
	for line, want := range map[string]bool{"***": true, "- - -": true, "__ _": true, "--": false, "-*-": false, "=== ": false} {
		if got := markdown.IsThematicBreak([]byte(line)); got != want {
			t.Errorf("IsThematicBreak(%q) = %v", line, got)
		}
	}
	if !markdown.IsSetextUnderline([]byte("=== "), '=') || markdown.IsSetextUnderline([]byte("= ="), '=') {
		t.Error("IsSetextUnderline")
	}
}

func TestWikilinkEnd_AgreesWithMatchWikilink(t *testing.T) {
	for _, s := range []string{"[[a]]x", "![[a|b]]", "[[ ]]", "[[a]", "[[a[b]]", "[[a\n]]", "[[\u00a0]]", "[a]]", "![[x#^y]] z"} {
		_, n, ok := markdown.MatchWikilink([]byte(s))
		if got := markdown.WikilinkEnd([]byte(s)); got != n || (got > 0) != ok {
			t.Errorf("WikilinkEnd(%q) = %d, MatchWikilink %d %v", s, got, n, ok)
		}
	}
}
