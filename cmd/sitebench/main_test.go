package main

import (
	"testing"
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want stats
	}{
		{"one", []float64{2}, stats{2, 2, 2}},
		{"odd", []float64{5, 1, 3}, stats{1, 3, 5}},
		{"even", []float64{4, 1, 3, 2}, stats{1, 2.5, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.in...)
			if got := summarize(in); got != tt.want {
				t.Errorf("summarize(%v) = %+v, want %+v", tt.in, got, tt.want)
			}
			for i := range in {
				if in[i] != tt.in[i] {
					t.Fatal("summarize reordered its input")
				}
			}
		})
	}
}
