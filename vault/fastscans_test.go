package vault_test

import (
	"testing"

	"vaultview/vault"
)

func TestFastScans(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      bool
	}{
		{"empty", "", true},
		{"plain text with links", "# Title\n\nSome [[link]] and [a](b.md).\n- item\n", true},
		{"frontmatter", "---\ntitle: x\ntags: [a]\n---\nText [[y]].\n", true},
		{"frontmatter is not setext", "---\ntitle: x\n---\nbody\n", true},
		{"link reference definition", "Text [ref].\n\n[ref]: https://example.com\n", false},
		{"link definition after frontmatter", "---\ntitle: x\n---\n[ref]: other.md\n", false},
		{"HTML block", "<div>\nhtml\n</div>\n", false},
		{"setext heading", "Title\n=====\n", false},
		{"setext heading with dashes", "Title\n---\ntext\n", false},
		{"tab indentation", "\tcode\n", false},
		{"lone carriage return", "a\rb\n", false},
		{"binary file is not parsed at all", "\x00\x01\x02\xff\xfe", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := vault.FastScans([]byte(c.src)); got != c.want {
				t.Errorf("FastScans(%q) = %v, want %v", c.src, got, c.want)
			}
		})
	}
}
