package cli

import (
	"path"
	"strconv"
	"strings"

	"vaultview/vault"
	"vaultview/vault/bases"
	"vaultview/vault/jsoncanvas"
)

// viewProblems reads every .base and .canvas file of the vault as the window would and
// returns what it could not use, each with its file and line (0 when the whole file is
// unreadable), in path order.
func viewProblems(v *vault.Vault) []vault.Problem {
	var out []vault.Problem
	for _, p := range v.Index().Attachments() {
		ext := strings.ToLower(path.Ext(p))
		if ext != ".base" && ext != ".canvas" {
			continue
		}
		data, err := v.ReadFile(p)
		if err != nil {
			out = append(out, vault.Problem{Path: p, Message: err.Error()})
			continue
		}
		if ext == ".base" {
			_, problems, err := bases.Parse(data)
			if err != nil {
				out = append(out, fileProblem(p, err))
			}
			for _, pr := range problems {
				out = append(out, vault.Problem{Path: p, Line: pr.Line, Message: pr.Message})
			}
			continue
		}
		_, problems, err := jsoncanvas.Parse(data)
		if err != nil {
			out = append(out, fileProblem(p, err))
		}
		for _, pr := range problems {
			out = append(out, vault.Problem{Path: p, Line: pr.Line, Message: pr.Message})
		}
	}
	return out
}

// fileProblem is a whole file that could not be read, at the line its error names.
func fileProblem(p string, err error) vault.Problem {
	msg := err.Error()
	line := lineOf(msg)
	return vault.Problem{Path: p, Line: line, Message: strings.TrimPrefix(msg, "line "+strconv.Itoa(line)+": ")}
}

// lineOf is the line an error message starts by naming ("line 3: …", "yaml: line 3: …"),
// or 0.
func lineOf(msg string) int {
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range msg[i+5:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
