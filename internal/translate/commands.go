package translate

import (
	"cecot/internal/diag"
	"cecot/internal/words"
)

// NotAPage is the error of a file named on the command line that is not
// a page or an image of the project, with examples of what to name.
func NotAPage(name, page, image string) error {
	return words.At(name, 0, "not_a_page", "Page", page, "Image", image)
}

// ProjectFolder is the error of a project folder that cannot be opened.
func ProjectFolder(dir string, err error) error {
	return words.Msg("project_folder", "Dir", dir, "Err", diag.PathCause(err))
}

// Command is how the text report tells readers to run the site tool.
const Command = "go run ./cmd/site"
