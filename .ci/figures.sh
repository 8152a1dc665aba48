#!/usr/bin/env bash
# The images' fixture site (internal/images/testdata/site, with its
# generated 2400 × 1600 photograph, charts and SVG) judged as the real site
# is: the W3C Nu HTML Checker on every page, and Lighthouse (mobile, >= 98
# in all four categories) on the page of figures in both languages. axe
# runs on it in go test ./internal/images (TestFixtureAccessibility).
# Needs "npm ci --prefix .ci", Java and Chromium, like vnu.sh and
# lighthouse.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go run ./internal/images/testdata/mkfixture "$work/site"
go run ./cmd/site build -src "$work/site" -out "$work/public" >/dev/null
.ci/vnu.sh "$work/public"
SRC="$work/site" PAGES="en/figures/ es/figuras/" .ci/lighthouse.sh
