package images

import (
	"errors"
	"testing"

	"cecot/internal/diag"
	"cecot/internal/metadata"
)

// TestMetadataErrorSays checks that a metadata error keeps its English
// and carries the catalogue message and values that say it in other
// languages.
func TestMetadataErrorSays(t *testing.T) {
	fe := &metadata.FormatError{Format: "PNG", Offset: 33, Reason: "a chunk runs past the end of the file"}
	err := metadataError(fe)
	if want := "cannot remove its metadata: PNG: a chunk runs past the end of the file at byte 33; export the image again"; err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
	var m *diag.Message
	if !errors.As(err, &m) || m.ID != "image_metadata_format" || m.Data["Format"] != "PNG" || m.Data["Offset"] != 33 || m.Data["Reason"] != fe.Reason {
		t.Errorf("message %+v", m)
	}
	other := errors.New("something else")
	if !errors.As(metadataError(other), &m) || m.ID != "image_metadata" || !errors.Is(m, other) {
		t.Errorf("message %+v", m)
	}
}
