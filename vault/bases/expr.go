package bases

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The expression language of Obsidian's Bases, as its filters and formulas are written:
// literals ("text", 'text', 12, 1.5, true, false, null), names (a note property, file.name,
// note.status, formula.x, this.file.name), member access, calls and method calls
// (file.hasTag("a"), status.contains("x")), indexing (list[0]), !, unary -, * / %, + -,
// comparisons, == and !=, && and || (and, or), and parentheses.

// maxDepth bounds how deeply an expression nests: a hostile file cannot exhaust the stack.
const maxDepth = 64

// maxExprLen bounds an expression's length.
const maxExprLen = 4096

// node is a parsed expression.
type node interface{ String() string }

type (
	litNode    struct{ v Value }
	nameNode   struct{ name string }
	memberNode struct {
		x    node
		name string
	}
	callNode struct {
		fn   node // a nameNode (function) or a memberNode (method)
		args []node
	}
	indexNode struct{ x, i node }
	unaryNode struct {
		op string
		x  node
	}
	binaryNode struct {
		op   string
		l, r node
	}
)

func (n litNode) String() string    { return n.v.String() }
func (n nameNode) String() string   { return n.name }
func (n memberNode) String() string { return n.x.String() + "." + n.name }
func (n callNode) String() string {
	var a []string
	for _, x := range n.args {
		a = append(a, x.String())
	}
	return n.fn.String() + "(" + strings.Join(a, ", ") + ")"
}
func (n indexNode) String() string { return n.x.String() + "[" + n.i.String() + "]" }
func (n unaryNode) String() string { return n.op + n.x.String() }
func (n binaryNode) String() string {
	return "(" + n.l.String() + " " + n.op + " " + n.r.String() + ")"
}

// token is one token of an expression.
type token struct {
	kind byte // 'n' number, 's' string, 'i' identifier, 'o' operator or punctuation, 0 end
	text string
	pos  int
}

func lex(src string) ([]token, error) {
	var out []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			out = append(out, token{'n', src[i:j], i})
			i = j
		case c == '"' || c == '\'':
			var b strings.Builder
			j := i + 1
			for ; j < len(src) && src[j] != c; j++ {
				if src[j] == '\\' && j+1 < len(src) {
					j++
				}
				b.WriteByte(src[j])
			}
			if j >= len(src) {
				return nil, fmt.Errorf("a string opened at column %d is not closed", i+1)
			}
			out = append(out, token{'s', b.String(), i})
			i = j + 1
		case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i
			for j < len(src) {
				r, w := utf8.DecodeRuneInString(src[j:])
				if r != '_' && r != '$' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += w
			}
			if j == i {
				return nil, fmt.Errorf("unexpected %q at column %d", src[i:i+1], i+1)
			}
			out = append(out, token{'i', src[i:j], i})
			i = j
		default:
			two := ""
			if i+1 < len(src) {
				two = src[i : i+2]
			}
			switch two {
			case "==", "!=", "<=", ">=", "&&", "||":
				out = append(out, token{'o', two, i})
				i += 2
				continue
			}
			if strings.IndexByte("+-*/%<>!().,[]", c) < 0 {
				return nil, fmt.Errorf("unexpected %q at column %d", string(c), i+1)
			}
			out = append(out, token{'o', string(c), i})
			i++
		}
	}
	return append(out, token{0, "", len(src)}), nil
}

// parser is a precedence-climbing parser over the tokens.
type parser struct {
	toks  []token
	at    int
	depth int
}

// Parse parses an expression.
func parseExpr(src string) (node, error) {
	if len(src) > maxExprLen {
		return nil, fmt.Errorf("an expression of %d characters: at most %d are read", len(src), maxExprLen)
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != 0 {
		return nil, fmt.Errorf("unexpected %q at column %d", t.text, t.pos+1)
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.at] }
func (p *parser) next() token { t := p.toks[p.at]; p.at = min(p.at+1, len(p.toks)-1); return t }

// precedence of the binary operators.
func precedence(t token) int {
	if t.kind == 'i' {
		switch t.text {
		case "or":
			return 1
		case "and":
			return 2
		}
		return 0
	}
	if t.kind != 'o' {
		return 0
	}
	switch t.text {
	case "||":
		return 1
	case "&&":
		return 2
	case "==", "!=":
		return 3
	case "<", "<=", ">", ">=":
		return 4
	case "+", "-":
		return 5
	case "*", "/", "%":
		return 6
	}
	return 0
}

func (p *parser) expr(minPrec int) (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return nil, fmt.Errorf("the expression nests more than %d deep", maxDepth)
	}
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		prec := precedence(t)
		if prec == 0 || prec <= minPrec {
			return l, nil
		}
		p.next()
		r, err := p.expr(prec)
		if err != nil {
			return nil, err
		}
		op := t.text
		switch op {
		case "and":
			op = "&&"
		case "or":
			op = "||"
		}
		l = binaryNode{op, l, r}
	}
}

func (p *parser) unary() (node, error) {
	t := p.peek()
	if t.kind == 'o' && (t.text == "!" || t.text == "-") || t.kind == 'i' && t.text == "not" {
		p.next()
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxDepth {
			return nil, fmt.Errorf("the expression nests more than %d deep", maxDepth)
		}
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		op := t.text
		if op == "not" {
			op = "!"
		}
		return unaryNode{op, x}, nil
	}
	return p.postfix()
}

func (p *parser) postfix() (node, error) {
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		switch {
		case t.kind == 'o' && t.text == ".":
			p.next()
			name := p.next()
			if name.kind != 'i' {
				return nil, fmt.Errorf("a name should follow the . at column %d", t.pos+1)
			}
			x = memberNode{x, name.text}
		case t.kind == 'o' && t.text == "(":
			p.next()
			var args []node
			for p.peek().text != ")" || p.peek().kind != 'o' {
				a, err := p.expr(0)
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				if n := p.peek(); n.kind == 'o' && n.text == "," {
					p.next()
				} else if n.kind != 'o' || n.text != ")" {
					return nil, fmt.Errorf("a , or ) should come at column %d", n.pos+1)
				}
			}
			p.next()
			x = callNode{x, args}
		case t.kind == 'o' && t.text == "[":
			p.next()
			i, err := p.expr(0)
			if err != nil {
				return nil, err
			}
			if n := p.next(); n.kind != 'o' || n.text != "]" {
				return nil, fmt.Errorf("a ] should come at column %d", n.pos+1)
			}
			x = indexNode{x, i}
		default:
			return x, nil
		}
	}
}

func (p *parser) primary() (node, error) {
	t := p.next()
	switch t.kind {
	case 'n':
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, fmt.Errorf("%q at column %d is not a number", t.text, t.pos+1)
		}
		return litNode{Number(f)}, nil
	case 's':
		return litNode{String(t.text)}, nil
	case 'i':
		switch t.text {
		case "true":
			return litNode{Bool(true)}, nil
		case "false":
			return litNode{Bool(false)}, nil
		case "null":
			return litNode{Null}, nil
		}
		return nameNode{t.text}, nil
	case 'o':
		if t.text == "(" {
			x, err := p.expr(0)
			if err != nil {
				return nil, err
			}
			if n := p.next(); n.kind != 'o' || n.text != ")" {
				return nil, fmt.Errorf("a ) should come at column %d", n.pos+1)
			}
			return x, nil
		}
		if t.text == "[" { // a list literal
			var nodes []node
			for p.peek().kind != 'o' || p.peek().text != "]" {
				a, err := p.expr(0)
				if err != nil {
					return nil, err
				}
				nodes = append(nodes, a)
				if n := p.peek(); n.kind == 'o' && n.text == "," {
					p.next()
				} else if n.kind != 'o' || n.text != "]" {
					return nil, fmt.Errorf("a , or ] should come at column %d", n.pos+1)
				}
			}
			p.next()
			return callNode{nameNode{"$list"}, nodes}, nil
		}
	case 0:
		return nil, fmt.Errorf("the expression ends too soon")
	}
	return nil, fmt.Errorf("unexpected %q at column %d", t.text, t.pos+1)
}
