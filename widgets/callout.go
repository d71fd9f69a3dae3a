package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// calloutFamily groups the callout types Obsidian knows by how they look; an unknown type
// looks like a note (docs/FORMAT.md §4).
type calloutFamily uint8

const (
	calloutNote calloutFamily = iota
	calloutAbstract
	calloutInfo
	calloutTodo
	calloutTip
	calloutSuccess
	calloutQuestion
	calloutWarning
	calloutFailure
	calloutDanger
	calloutBug
	calloutExample
	calloutQuote
)

// calloutTypes maps every type name Obsidian knows to its family.
var calloutTypes = map[string]calloutFamily{
	"note":     calloutNote,
	"abstract": calloutAbstract, "summary": calloutAbstract, "tldr": calloutAbstract,
	"info": calloutInfo,
	"todo": calloutTodo,
	"tip":  calloutTip, "hint": calloutTip, "important": calloutTip,
	"success": calloutSuccess, "check": calloutSuccess, "done": calloutSuccess,
	"question": calloutQuestion, "help": calloutQuestion, "faq": calloutQuestion,
	"warning": calloutWarning, "caution": calloutWarning, "attention": calloutWarning,
	"failure": calloutFailure, "fail": calloutFailure, "missing": calloutFailure,
	"danger": calloutDanger, "error": calloutDanger,
	"bug":     calloutBug,
	"example": calloutExample,
	"quote":   calloutQuote, "cite": calloutQuote,
}

// calloutFamilyOf returns the family of a callout type, case-insensitively.
func calloutFamilyOf(typ string) calloutFamily {
	return calloutTypes[strings.ToLower(typ)] // unknown: calloutNote, the zero value
}

// colorName is the theme colour of the family's bar, tint and icon.
func (f calloutFamily) colorName() fyne.ThemeColorName {
	switch f {
	case calloutTip, calloutSuccess:
		return theme.ColorNameSuccess
	case calloutQuestion, calloutWarning:
		return theme.ColorNameWarning
	case calloutFailure, calloutDanger, calloutBug:
		return theme.ColorNameError
	case calloutQuote:
		return theme.ColorNamePlaceHolder
	}
	return theme.ColorNamePrimary
}

// icon is the family's icon, before colouring.
func (f calloutFamily) icon() fyne.Resource {
	switch f {
	case calloutAbstract, calloutExample:
		return theme.ListIcon()
	case calloutInfo:
		return theme.InfoIcon()
	case calloutTodo:
		return theme.CheckButtonCheckedIcon()
	case calloutTip:
		return theme.HelpIcon()
	case calloutSuccess:
		return theme.ConfirmIcon()
	case calloutQuestion:
		return theme.QuestionIcon()
	case calloutWarning:
		return theme.WarningIcon()
	case calloutFailure:
		return theme.CancelIcon()
	case calloutDanger, calloutBug:
		return theme.ErrorIcon()
	case calloutQuote:
		return theme.MailReplyIcon()
	}
	return theme.DocumentCreateIcon()
}

// calloutDefaultTitle is the title of a callout written without one: its type, capitalised.
func calloutDefaultTitle(typ string) string {
	r, size := utf8.DecodeRuneInString(typ)
	if size == 0 {
		return "Note"
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(typ[size:])
}
