package words

import (
	"testing"

	"cecot/internal/diag"
)

// TestImageMetadataSpanish checks the words of an image whose metadata
// cannot be removed, in Spanish, at the image's file.
func TestImageMetadataSpanish(t *testing.T) {
	err := &diag.Error{Path: "content/es/mapa.png", Err: diag.Say("image_metadata_format", "(English)",
		"Format", "PNG", "Offset", 33, "Reason", "a chunk runs past the end of the file")}
	want := "content/es/mapa.png: no se pueden quitar sus metadatos (ubicación, cámara, fecha): el archivo PNG está dañado en el byte 33 (a chunk runs past the end of the file); exporte la imagen de nuevo"
	if got := NewPrinter("es").Error(err); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
