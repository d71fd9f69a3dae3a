package vault

import (
	"reflect"
	"strings"
	"testing"

	"vaultview/internal/vaultgen"
)

var frontmatterCases = []string{
	"title: A note\nvideoId: APvj15_YCqk\n",
	"title: \"Quoted: with colon\"\n",
	"title: 'single'\n",
	"title: plain: colon\n",
	"title:\nvideoId: ~\nother: null\n",
	"tags: [a, b]\n",
	"tags:\n  - a\n  - b\n",
	"title: dup\ntitle: again\n",
	"title: x # comment\n",
	"# comment line\ntitle: y\n",
	"title: [[link]], [[other]]\n",
	"title: *alias\n",
	"a: &x 1\nb: *x\n",
	"title: \"esc \\\" quote\"\n",
	"key-with-dash: v\n_under: w\n9lives: z\n",
	"title: trailing:\n",
	"title: yes\ncount: 12\nratio: 1e3\n",
	"title: .dot\n",
	"title: tab\there\n",
	"just text\n",
	"title: ünïcödé ok\n",
	"title: a\r\nvideoId: b\r\n",
	"-bad: key\n",
	"title: x\n  continued: y\n",
}

// TestFrontmatter_SimpleMatchesYAML: whenever the quick reader accepts a header, YAML reads
// the same values from it.
func TestFrontmatter_SimpleMatchesYAML(t *testing.T) {
	cases := append([]string{}, frontmatterCases...)
	o := vaultgen.DefaultOptions()
	o.Notes = 400
	for _, f := range vaultgen.MapFS(o) {
		if ys, ye, _, ok, _ := splitFrontmatter(f.Data); ok {
			cases = append(cases, string(f.Data[ys:ye]))
		}
	}
	simple := 0
	for _, c := range cases {
		if checkSimpleFrontmatter(t, c) {
			simple++
		}
	}
	t.Logf("quick reader took %d of %d headers", simple, len(cases))
	if simple < len(cases)/2 {
		t.Errorf("quick reader took only %d of %d headers", simple, len(cases))
	}
}

func checkSimpleFrontmatter(t *testing.T, src string) bool {
	t.Helper()
	var quick frontmatter
	if !quick.readSimple([]byte(src), 2) {
		if !reflect.DeepEqual(quick, frontmatter{}) {
			t.Errorf("declined %q but recorded %+v", src, quick)
		}
		return false
	}
	quick.finish("n.md")
	full := parseFrontmatterYAML("n.md", []byte(src), 2)
	full.Links = nil
	if !reflect.DeepEqual(quick, full) {
		t.Errorf("frontmatter %q:\nquick: %+v\nyaml:  %+v", src, quick, full)
	}
	return true
}

func FuzzFrontmatter(f *testing.F) {
	for _, c := range frontmatterCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "\n---") || len(src) > 2000 {
			return
		}
		checkSimpleFrontmatter(t, src)
	})
}

// A videoId pasted as the video's YouTube address is read for its id; another address, or a
// YouTube one without a valid id, is still reported and ignored (docs/FORMAT.md §1.2).
func TestFrontmatter_VideoIDAsAddress(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{"Xk3_pQ9-aZ0", "Xk3_pQ9-aZ0"},
		{"https://www.youtube.com/watch?v=Xk3_pQ9-aZ0", "Xk3_pQ9-aZ0"},
		{"\"https://www.youtube.com/watch?v=Xk3_pQ9-aZ0&t=30s\"", "Xk3_pQ9-aZ0"},
		{"https://youtu.be/Xk3_pQ9-aZ0?si=abc", "Xk3_pQ9-aZ0"},
		{"https://m.youtube.com/shorts/Xk3_pQ9-aZ0", "Xk3_pQ9-aZ0"},
		{"https://vimeo.com/Xk3_pQ9-aZ0", ""},
		{"https://www.youtube.com/watch?v=short", ""},
		{"javascript:alert(1)", ""},
	} {
		n := ParseNote("n.md", []byte("---\nvideoId: "+c.value+"\n---\nText.\n"))
		if n.VideoID != c.want {
			t.Errorf("videoId: %s read as %q, want %q", c.value, n.VideoID, c.want)
		}
		if reported := len(n.Problems) > 0; reported != (c.want == "") {
			t.Errorf("videoId: %s: problems %v", c.value, n.Problems)
		}
	}
}
