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

// mathProblems typesets the display math of every note that has any (docs/FORMAT.md §5.6)
// and returns the formulas that cannot be set, each with its file and line, in path and
// line order. Only notes holding `$$` are parsed again; a formula costs some milliseconds.
func mathProblems(v *vault.Vault) []vault.Problem {
	ix := v.Index()
	md := markdown.New()
	var out []vault.Problem
	for _, p := range ix.Paths() {
		src, err := v.Source(p)
		if err != nil || !bytes.Contains(src, []byte("$$")) {
			continue
		}
		doc := md.Parser().Parse(text.NewReader(src))
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			m, ok := n.(*markdown.MathBlock)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			tex := m.TeX(src)
			if tex == "" || m.Lines().Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			if err := mathtex.Check(tex); err != nil {
				line := 1 + bytes.Count(src[:m.Lines().At(0).Start], []byte("\n"))
				out = append(out, vault.Problem{Path: p, Line: line, Message: fmt.Sprintf("display math not typeset: %v", err)})
			}
			return ast.WalkSkipChildren, nil
		})
	}
	return out
}
