package cli

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"vaultview/internal/mathtex"
	"vaultview/vault"
	"vaultview/vault/markdown"
)

// mathProblems typesets the math of every note that has any, display and inline
// (docs/FORMAT.md §5.6), and returns the formulas that cannot be set, each with its file and
// line, in path and line order. Only notes holding two dollars are parsed again; a formula
// costs some milliseconds.
func mathProblems(v *vault.Vault) []vault.Problem {
	ix := v.Index()
	md := markdown.New()
	var out []vault.Problem
	for _, p := range ix.Paths() {
		src, err := v.Source(p)
		if err != nil || bytes.Count(src, []byte("$")) < 2 {
			continue
		}
		lineOf := func(off int) int { return 1 + bytes.Count(src[:off], []byte("\n")) }
		doc := md.Parser().Parse(text.NewReader(src))
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if m, ok := n.(*markdown.MathInline); ok {
				if err := mathtex.CheckInline(m.TeX); err != nil && m.TeX != "" {
					out = append(out, vault.Problem{Path: p, Line: lineOf(m.Offset), Message: fmt.Sprintf("math not typeset: %v", err)})
				}
				return ast.WalkSkipChildren, nil
			}
			m, ok := n.(*markdown.MathBlock)
			if !ok {
				return ast.WalkContinue, nil
			}
			tex := m.TeX(src)
			if tex == "" || m.Lines().Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			if err := mathtex.Check(tex); err != nil {
				out = append(out, vault.Problem{Path: p, Line: lineOf(m.Lines().At(0).Start), Message: fmt.Sprintf("display math not typeset: %v", err)})
			}
			return ast.WalkSkipChildren, nil
		})
	}
	return out
}
