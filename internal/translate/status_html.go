package translate

import (
	"html/template"
	"io"
	"strings"
)

// WriteHTML writes r as a self-contained HTML page, for the preview
// server: the same table as the text report, with links to each page in
// both languages, under the site's base path.
func WriteHTML(w io.Writer, r *Report) error {
	return htmlTemplate.Execute(w, htmlView{r})
}

type htmlView struct{ *Report }

// Link is the address of a page of the site, from its path from the
// site's root.
func (v htmlView) Link(url string) string {
	return strings.TrimSuffix(v.BasePath, "/") + "/" + strings.TrimPrefix(url, "/")
}

var htmlTemplate = template.Must(template.New("status").Funcs(template.FuncMap{
	"cmd": func() string { return Command },
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Translation status</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}
.translated{color:#1a6b2f}.stale{color:#8a5300}.missing{color:#a11}code{font-size:.9em;overflow-wrap:anywhere}ul{margin:.2rem 0}
</style>
</head>
<body>
<h1>Translation status</h1>
{{- if .Clean}}
<p>Everything is translated and up to date.</p>
{{- end}}
{{- range $l := .Languages}}
<section>
<h2>{{.Name}} ({{.Lang}})</h2>
<p>{{.Count "translated"}} translated, {{.Count "stale"}} out of date, {{.Count "missing"}} missing.</p>
<table>
<thead><tr><th>Page</th><th>State</th><th>Original</th><th>Translation</th><th>What to do</th></tr></thead>
<tbody>
{{- range .Pages}}
<tr>
<td>{{.Title}}</td>
<td class="{{.State}}">{{if eq .State "translated"}}up to date{{else if eq .State "stale"}}out of date{{else if .Draft}}draft{{else}}missing{{end}}</td>
<td><a href="{{$.Link .SourceURL}}">{{.SourceURL}}</a><br><code>{{.Source}}</code></td>
<td><a href="{{$.Link .URL}}">{{.URL}}</a><br><code>{{.File}}</code></td>
<td>
{{- if eq .State "stale"}}
{{- with .Reason}}{{.}}. {{end}}
{{- with .Changes}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}
When it matches the original again: <code>{{cmd}} stamp {{.File}}</code>
{{- else if .Draft}}Finish the draft, then delete its line <code>draft = true</code>.
{{- else if eq .State "missing"}}To start: <code>{{cmd}} stamp -new {{.Source}} {{$l.Lang}}</code>
{{- end}}
</td>
</tr>
{{- end}}
</tbody>
</table>
{{- if .StaleImages}}
<h3>Images out of date</h3>
<ul>{{range .Images}}{{if .Stale}}<li><code>{{.File}}</code> (original <code>{{.Original}}</code>): {{.Reason}}. When it matches the original again: <code>{{cmd}} stamp {{.File}}</code></li>{{end}}{{end}}</ul>
{{- end}}
{{- with .Strings}}
<h3>Interface strings</h3>
<ul>{{range .}}<li><code>{{.File}}{{if .Line}}:{{.Line}}{{end}}</code> {{.Problem}}{{with .ID}} <code>{{.}}</code>{{end}}: {{.Detail}}</li>{{end}}</ul>
{{- end}}
{{- with .Glossary}}
<h3>Glossary advice</h3>
<ul>{{range .}}<li>{{.Error}}</li>{{end}}</ul>
{{- end}}
</section>
{{- end}}
{{- if or .Unused .Undefined}}
<h2>Interface strings of the default language</h2>
<ul>{{range .Undefined}}<li><code>{{.File}}{{if .Line}}:{{.Line}}{{end}}</code> {{.Problem}}{{with .ID}} <code>{{.}}</code>{{end}}: {{.Detail}}</li>{{end}}
{{- range .Unused}}<li><code>{{.File}}:{{.Line}}</code> unused <code>{{.ID}}</code>: {{.Detail}}</li>{{end}}</ul>
{{- end}}
{{- with .Extra}}
<h2>Pages with no original</h2>
<ul>{{range .}}<li><a href="{{$.Link .URL}}">{{.URL}}</a> <code>{{.File}}</code>: there is no <code>{{.Source}}</code></li>{{end}}</ul>
{{- end}}
</body>
</html>
`))
