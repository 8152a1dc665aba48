package content

import (
	"strings"
	"time"
)

// Date is a calendar date from front matter, exactly as precise as the
// page gives it: a day (2025-06-01) or only a month ("2025-06"). A source
// that dates a document to a month must not gain a day it never gave, so
// a month stays a month in every output: June 2025 on the page,
// datetime="2025-06" in HTML and 2025-06 in the sitemap.
type Date struct {
	// Time is midnight UTC of the day, or of the month's first day
	// when MonthOnly: never the machine's time zone.
	time.Time
	MonthOnly bool // the front matter gave a year and month, no day
}

// ISO returns the date in ISO 8601 as precise as it was given:
// "2025-06-01" or "2025-06"; "" for no date. It is valid in a <time>
// element's datetime attribute and a sitemap's <lastmod>.
func (d Date) ISO() string {
	switch {
	case d.IsZero():
		return ""
	case d.MonthOnly:
		return d.Format("2006-01")
	}
	return d.Format(time.DateOnly)
}

// String returns the date as ISO does.
func (d Date) String() string { return d.ISO() }

// dateHint says how to write a date, in errors.
const dateHint = `a date like 2025-06-01, or a month in quotes like "2025-06"`

// toDate accepts TOML dates and datetimes, YAML timestamps and text in
// ISO 8601 form ("2025-06-01", "2025-06-01T10:00:00Z", or a month:
// "2025-06"), and keeps only the calendar date, so output never depends
// on the machine's time zone.
func toDate(v any) (Date, bool) {
	var t time.Time
	switch d := v.(type) {
	case time.Time:
		t = d
	case string:
		s := strings.TrimSpace(d)
		if m, err := time.Parse("2006-01", s); err == nil {
			return Date{Time: m, MonthOnly: true}, true
		}
		var err error
		for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05"} {
			if t, err = time.Parse(layout, s); err == nil {
				break
			}
		}
		if err != nil {
			return Date{}, false
		}
	default:
		return Date{}, false
	}
	return Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}, true
}
