#!/usr/bin/env bash
# release.sh OUT VERSION: build the site program for every system the
# translators use into OUT, with a SHA256SUMS file. The release workflow
# publishes these files; .ci/run builds them twice and compares.
#
# Reproducible: -trimpath drops this machine's paths, -buildvcs=false and
# an empty build ID keep the checkout's state and the toolchain's cache
# out of the binary, and nothing reads the clock. The version and commit
# are set explicitly, so a build from a copy of the sources without .git
# gives the same bytes.
set -euo pipefail
out=${1:?usage: release.sh OUT VERSION}
ver=${2:?usage: release.sh OUT VERSION}
cd "$(dirname "$0")/.."
commit=${RELEASE_COMMIT:-$(git rev-parse HEAD)}

targets=(
	windows/amd64 windows/arm64
	darwin/arm64 darwin/amd64
	linux/amd64 linux/arm64
)
mkdir -p "$out"
for t in "${targets[@]}"; do
	goos=${t%/*} goarch=${t#*/}
	name="site-$ver-$goos-$goarch"
	[ "$goos" = windows ] && name+=.exe
	CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=false -tags nodynamic \
		-ldflags "-s -w -buildid= -X main.version=$ver -X main.commit=$commit" \
		-o "$out/$name" ./cmd/site
done
(cd "$out" && sha256sum site-* | LC_ALL=C sort -k2 > SHA256SUMS)
