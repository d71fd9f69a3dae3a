package vault

import (
	"path"
	"strings"
)

// Attachments are the files of a vault that are not notes: images, PDFs, recordings. A note
// embeds or links them; the window shows them as cards and may hand them to the system's
// application, but only kinds that hold documents or media (docs/FORMAT.md §2.6): a vault
// copied from elsewhere can hold a program or a script named like a document's link, and
// opening it would run it.

// attachmentKinds names the kinds of file the system's application may open, by extension.
var attachmentKinds = map[string]string{
	".pdf": "PDF document", ".epub": "e-book",
	".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".svg": "image", ".webp": "image", ".bmp": "image", ".avif": "image",
	".mp3": "audio", ".m4a": "audio", ".wav": "audio", ".ogg": "audio", ".oga": "audio", ".flac": "audio", ".opus": "audio", ".aac": "audio", ".3gp": "audio",
	".mp4": "video", ".webm": "video", ".mov": "video", ".mkv": "video", ".ogv": "video", ".m4v": "video",
	".txt": "text", ".csv": "table", ".tsv": "table", ".json": "data",
	".docx": "document", ".doc": "document", ".odt": "document", ".rtf": "document",
	".xlsx": "spreadsheet", ".xls": "spreadsheet", ".ods": "spreadsheet",
	".pptx": "presentation", ".ppt": "presentation", ".odp": "presentation",
	".canvas": "canvas", ".base": "base",
}

// notOpened are kinds the system's application never gets from the window, though they are
// ordinary in a vault: they are read by the window itself (or will be).
var notOpened = map[string]bool{".canvas": true, ".base": true}

// AttachmentKind says what kind of file p is ("PDF document", "audio"…, or "file" with its
// extension for one not known) and whether the window may hand it to the system's
// application.
func AttachmentKind(p string) (kind string, openable bool) {
	ext := strings.ToLower(path.Ext(p))
	if k, ok := attachmentKinds[ext]; ok {
		return k, !notOpened[ext]
	}
	if ext == "" {
		return "file", false
	}
	return strings.TrimPrefix(ext, ".") + " file", false
}
