package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/image/draw"

	"cecot/internal/images/imagestest"
)

// The budget never lets more than MaxPixels be held at once, admits
// small images side by side, and admits an image larger than the whole
// budget alone rather than never.
func TestBudgetBoundsPixelsHeld(t *testing.T) {
	b := newBudget(MaxPixels)
	var held, peak atomic.Int64
	var wg sync.WaitGroup
	for i, px := range []int64{24e6, 24e6, 24e6, 1e6, 1e6, 1e6, 50e6, 12e6} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := b.acquire(px)
			now := held.Add(n)
			for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
			}
			time.Sleep(time.Duration(i%3) * time.Millisecond)
			held.Add(-n)
			b.release(n)
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > MaxPixels {
		t.Errorf("%d pixels were held at once, more than the budget of %d", p, MaxPixels)
	}
	if b.free != MaxPixels {
		t.Errorf("the budget ends with %d free, want %d", b.free, MaxPixels)
	}
}

func TestHalve(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 5, 3)) // the odd column and row are left out
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	got := halve(img)
	if b := got.Bounds(); b.Dx() != 2 || b.Dy() != 1 {
		t.Fatalf("halve(5 × 3) is %v", b)
	}
	for x := range 2 {
		for c := range 4 {
			sum := 0
			for _, p := range [][2]int{{2 * x, 0}, {2*x + 1, 0}, {2 * x, 1}, {2*x + 1, 1}} {
				sum += int(img.Pix[img.PixOffset(p[0], p[1])+c])
			}
			if want := uint8((sum + 2) / 4); got.Pix[4*x+c] != want {
				t.Errorf("pixel %d channel %d = %d, want %d", x, c, got.Pix[4*x+c], want)
			}
		}
	}
}

// Scaling a large photograph through its halves gives, to the eye, the
// picture that scaling it directly gives: a peak signal-to-noise ratio
// far above the 40 dB where differences become invisible.
func TestHalvesLookTheSame(t *testing.T) {
	decoded, err := jpeg.Decode(bytes.NewReader(imagestest.Photo(3000, 2000)))
	if err != nil {
		t.Fatal(err)
	}
	src := toRGBA(decoded)
	direct := image.NewRGBA(image.Rect(0, 0, 480, 320))
	draw.CatmullRom.Scale(direct, direct.Bounds(), src, src.Bounds(), draw.Src, nil)
	halves := []*image.RGBA{src}
	from := halvedFor(&halves, 480)
	if from.Bounds().Dx() != 750 {
		t.Fatalf("scaled to 480 from a %d-pixel half, want 750", from.Bounds().Dx())
	}
	viaHalves := image.NewRGBA(direct.Bounds())
	draw.CatmullRom.Scale(viaHalves, viaHalves.Bounds(), from, from.Bounds(), draw.Src, nil)
	var sq float64
	for i := range direct.Pix {
		d := float64(direct.Pix[i]) - float64(viaHalves.Pix[i])
		sq += d * d
	}
	mse := sq / float64(len(direct.Pix))
	psnr := 10 * math.Log10(255*255/mse)
	t.Logf("PSNR %.1f dB", psnr)
	if psnr < 40 {
		t.Errorf("PSNR %.1f dB between direct and halved scaling, want at least 40", psnr)
	}
}
