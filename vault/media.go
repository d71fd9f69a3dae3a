package vault

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Media are the local copies of videos in the user's media folders (issue #17): a video whose
// id is in a file's name plays from that file instead of the network. Names are matched the
// way yt-dlp writes them by default, "Title [ID].ext", and plain "ID.ext".
type Media struct {
	byID map[string]string
}

// mediaExts are the extensions of the files a media folder is searched for.
var mediaExts = map[string]bool{
	".mp4": true, ".mkv": true, ".webm": true, ".mov": true, ".m4v": true, ".avi": true,
	".m4a": true, ".mp3": true, ".opus": true, ".ogg": true, ".flac": true, ".wav": true,
}

// Bounds on a scan: folders deeper than maxMediaDepth and files past maxMediaFiles are not
// looked at (a media folder pointed at a whole disk must not hang the app).
const (
	maxMediaDepth = 4
	maxMediaFiles = 200_000
)

// ScanMedia finds the videos in dirs and in their folders (four deep). A folder that cannot
// be read is returned as a problem, and the others are still scanned. When two files have
// the same id, the first found wins: folders in the order given, names in order.
func ScanMedia(dirs []string) (*Media, []error) {
	m := &Media{byID: map[string]string{}}
	var problems []error
	seen := 0
	for _, dir := range dirs {
		root := filepath.Clean(dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root {
					return err
				}
				problems = append(problems, err)
				return nil
			}
			if d.IsDir() {
				if rel, _ := filepath.Rel(root, p); rel != "." && strings.Count(rel, string(filepath.Separator)) >= maxMediaDepth-1 {
					return filepath.SkipDir
				}
				return nil
			}
			if seen++; seen > maxMediaFiles {
				return filepath.SkipAll
			}
			if id := MediaVideoID(d.Name()); id != "" {
				if _, dup := m.byID[id]; !dup {
					m.byID[id] = p
				}
			}
			return nil
		})
		if err != nil {
			problems = append(problems, err)
		}
	}
	return m, problems
}

// MediaVideoID is the video id a media file's name carries ("Title [ID].mkv", "ID.mp4"), or
// "" for none.
func MediaVideoID(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if !mediaExts[ext] {
		return ""
	}
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if strings.HasSuffix(stem, "]") {
		if open := strings.LastIndex(stem, "["); open >= 0 {
			if id := stem[open+1 : len(stem)-1]; ValidVideoID(id) {
				return id
			}
		}
	}
	if ValidVideoID(stem) {
		return stem
	}
	return ""
}

// Local is the file of the video id, "" when none of the folders has it. A file deleted
// since the scan is not returned.
func (m *Media) Local(id string) string {
	if m == nil {
		return ""
	}
	p := m.byID[id]
	if p == "" {
		return ""
	}
	if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
		return ""
	}
	return p
}

// Len is how many videos have a local copy.
func (m *Media) Len() int {
	if m == nil {
		return 0
	}
	return len(m.byID)
}
