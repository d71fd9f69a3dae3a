package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mathBlocks parses src and returns the TeX of its display math blocks, and the text of
// everything else that is a paragraph.
func mathBlocks(t *testing.T, src string) (maths, paras []string) {
	t.Helper()
	b := []byte(src)
	doc := New().Parser().Parse(text.NewReader(b))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *MathBlock:
			maths = append(maths, n.TeX(b))
		case *ast.Paragraph:
			paras = append(paras, string(n.Lines().Value(b)))
		}
		return ast.WalkContinue, nil
	})
	return maths, paras
}

func TestMathBlock(t *testing.T) {
	tests := []struct {
		name, src string
		maths     []string
		paras     int
	}{
		{"one line", "$$E = mc^2$$\n", []string{"E = mc^2"}, 0},
		{"lines, backslashes kept", "$$\n\\begin{vmatrix}a & b\\\\\nc & d\\end{vmatrix}=ad-bc\n$$\n", []string{"\\begin{vmatrix}a & b\\\\\nc & d\\end{vmatrix}=ad-bc"}, 0},
		{"closing on the content's line", "$$\\frac{a}{b}\n= c$$\n", []string{"\\frac{a}{b}\n= c"}, 0},
		{"no Markdown inside", "$$a_1 * b_1 [[not a link]] #tag$$\n", []string{"a_1 * b_1 [[not a link]] #tag"}, 0},
		{"interrupts a paragraph", "Some text\n$$x$$\nmore\n", []string{"x"}, 2},
		{"in a quote", "> $$\n> x^2\n> $$\n", []string{"x^2"}, 0},
		// A tab after the quote's `>` is split into padding the source does not hold.
		{"in a quote after a tab", ">\t$$x^2$$\n", []string{"x^2"}, 0},
		{"in a quote after a tab, lines", ">\t$$\n>\tx^2\n>\t$$\n", []string{"x^2"}, 0},
		{"unclosed in a quote after a tab", ">\t$$\n", nil, 1},
		{"unclosed stays text", "$$ is what it cost\n\nand more\n", nil, 2},
		{"indented is code", "    $$x$$\n", nil, 0},
		{"in a code block is code", "```\n$$x$$\n```\n", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			maths, paras := mathBlocks(t, tt.src)
			if len(maths) != len(tt.maths) {
				t.Fatalf("math %q, want %q", maths, tt.maths)
			}
			for i := range maths {
				if maths[i] != tt.maths[i] {
					t.Errorf("math %q, want %q", maths[i], tt.maths[i])
				}
			}
			if len(paras) != tt.paras {
				t.Errorf("%d paragraphs %q, want %d", len(paras), paras, tt.paras)
			}
		})
	}
}

func TestInlineMathAt(t *testing.T) {
	for line, want := range map[string]string{
		`$x^2$ is a square`:      `$x^2$`,
		`$a_1 * b_1 [[l]]$ more`: `$a_1 * b_1 [[l]]$`,
		`$$E = mc^2$$ inline`:    `$$E = mc^2$$`,
		`$5 and $10`:             ``, // the second $ follows a space
		`$ x$`:                   ``, // the first is followed by one
		`$x $`:                   ``,
		`$x$5 then $y$`:          `$x$5 then $y$`, // $5: a digit after it, so it closes later
		`$a\$b$`:                 `$a\$b$`,
		"$x\n$":                  ``,
		`$$ $$`:                  `$$ $$`,
		`$$$$`:                   ``,
	} {
		n := InlineMathAt([]byte(line))
		if got := line[:n]; got != want {
			t.Errorf("InlineMathAt(%q) = %q, want %q", line, got, want)
		}
		if n > 0 && !MaybeInlineMath([]byte(line)) {
			t.Errorf("MaybeInlineMath(%q) is false, but it holds %q", line, want)
		}
	}
}

// TestInlineMath_HidesWhatIsInside: links, tags and emphasis inside inline math are TeX.
func TestInlineMath_HidesWhatIsInside(t *testing.T) {
	src := []byte("Energy $E = m*c^2 [[not a link]] #not-a-tag$ and [[a link]] #tag, from $5 to $10.\n")
	doc := New().Parser().Parse(text.NewReader(src))
	var maths []string
	links, tags := 0, 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *MathInline:
				maths = append(maths, n.TeX)
			case *Wikilink:
				links++
			case *Tag:
				tags++
			}
		}
		return ast.WalkContinue, nil
	})
	if len(maths) != 1 || maths[0] != "E = m*c^2 [[not a link]] #not-a-tag" || links != 1 || tags != 1 {
		t.Errorf("math %q, %d links, %d tags", maths, links, tags)
	}
}
