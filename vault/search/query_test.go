package search_test

import (
	"reflect"
	"testing"

	"vaultview/vault/search"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want search.Query
	}{
		{"", search.Query{}},
		{"   ", search.Query{}},
		{"Apple", search.Query{Words: []string{"apple"}}},
		{"apple  BANANA", search.Query{Words: []string{"apple", "banana"}}},
		{`"Exact   Phrase" word`, search.Query{Words: []string{"exact phrase", "word"}}},
		{`"unclosed phrase`, search.Query{Words: []string{"unclosed phrase"}}},
		{`-word -"two words"`, search.Query{Without: []string{"word", "two words"}}},
		{"- lone", search.Query{Words: []string{"lone"}}},
		{"tag:books", search.Query{Tags: []string{"books"}}},
		{"TAG:#books/fiction", search.Query{Tags: []string{"books/fiction"}}},
		{"-tag:draft", search.Query{NotTags: []string{"draft"}}},
		{`path:"My Folder/sub" x`, search.Query{Paths: []string{"My Folder/sub"}, Words: []string{"x"}}},
		{"-path:archive", search.Query{NotPaths: []string{"archive"}}},
		{"video:APvj15_YCqk", search.Query{Videos: []string{"APvj15_YCqk"}}},
		{"video:https://www.youtube.com/watch?v=APvj15_YCqk", search.Query{Videos: []string{"https://www.youtube.com/watch?v=APvj15_YCqk"}}},
		{"tag: path: video:", search.Query{}},
		{"tag:#", search.Query{}},
		{"foo:bar 18:28", search.Query{Words: []string{"foo:bar", "18:28"}}},
		{`"tag:x"`, search.Query{Words: []string{"tag:x"}}},
		{"ÉCOLE Straße", search.Query{Words: []string{"école", "straße"}}},
		{"a\tb\nc", search.Query{Words: []string{"a", "b", "c"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := search.ParseQuery(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseQuery(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
			if got.Empty() != reflect.DeepEqual(tt.want, search.Query{}) {
				t.Errorf("Empty() = %v", got.Empty())
			}
		})
	}
}

func TestFold_KeepsLength(t *testing.T) {
	for _, s := range []string{"ABC xyz", "ÀÉÎÕÜ", "ΣΑΣ", "İstanbul", "ȺȾ", "\xff\xfeA", "Line\nbreak\tTab"} {
		if got := search.Fold(s); len(got) != len(s) {
			t.Errorf("Fold(%q) = %q: length %d, want %d", s, got, len(got), len(s))
		}
	}
	if got := search.Fold("ÉCOLE Ünïcode\nX"); got != "école ünïcode x" {
		t.Errorf("Fold = %q", got)
	}
}
