package assets

import (
	"path"
	"strings"
)

// mediaTypes are the media types of the files a site publishes, by
// extension: the one table that assets' data: URLs, the build's
// minification and the preview's Content-Type read. It is written here
// rather than read from mime.TypeByExtension, which consults the system's
// own table, so that a build gives the same bytes on every system.
var mediaTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "text/javascript",
	".txt":         "text/plain",
	".json":        "application/json",
	".xml":         "application/xml",
	".webmanifest": "application/manifest+json",
	".pdf":         "application/pdf",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
}

// MediaType returns the media type of a published file by its name's
// extension, without parameters ("text/css"), or "" when the table does
// not know the extension.
func MediaType(name string) string {
	return mediaTypes[strings.ToLower(path.Ext(name))]
}

// images are the extensions of the images a site publishes (package
// images makes them, package imagestamp records their versions).
var images = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true}

// IsImage reports whether a file's name says it is an image the site
// publishes.
func IsImage(name string) bool { return images[strings.ToLower(path.Ext(name))] }
