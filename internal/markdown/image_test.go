package markdown

import (
	"reflect"
	"testing"
)

func TestImages(t *testing.T) {
	body := []byte("\n\nText ![a *red* map](map.png) here.\n\n![Gráfico](chart.png \"Detenidos por mes\")\n\n![](x.svg)\n")
	want := []ImageText{
		{Line: 3, Dest: "map.png", Alt: "a red map"},
		{Line: 5, Dest: "chart.png", Alt: "Gráfico", Caption: "Detenidos por mes"},
		{Line: 7, Dest: "x.svg"},
	}
	if got := Images(body); !reflect.DeepEqual(got, want) {
		t.Errorf("Images = %+v\nwant %+v", got, want)
	}
}
