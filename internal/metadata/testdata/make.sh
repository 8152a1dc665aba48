#!/bin/sh
# Writes this folder's fixtures: small pictures in every format, filled
# with the metadata a phone or a photo editor leaves (GPS position,
# artist, XMP creator, camera, comments) by exiftool, the reference
# writer of those formats (Debian: libimage-exiftool-perl). Run from this
# folder: sh make.sh. The files are committed; exiftool is not needed to
# run the tests.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./mkimages "$tmp"

# The same secrets in every file; the tests look for each string.
secrets='-GPSLatitude=13.6929 -GPSLatitudeRef=N -GPSLongitude=89.2182 -GPSLongitudeRef=W
-Artist=SECRET-ARTIST -XMP-dc:Creator=SECRET-CREATOR -Make=SECRET-MAKE -Model=SECRET-CAMERA
-UserComment=SECRET-USERCOMMENT -XMP-dc:Description=SECRET-XMP-DESCRIPTION'

exif() { exiftool -q -overwrite_original -m $secrets "$@"; }

cp "$tmp/plain.jpg" photo.jpg
exif -Comment=SECRET-COMMENT -IPTC:By-line=SECRET-BYLINE -IPTC:City=SECRET-CITY \
  "-ICC_Profile<=$tmp/profile.icc" photo.jpg

cp "$tmp/plain.jpg" turned.jpg
exif -Orientation#=6 turned.jpg

cp "$tmp/plain.png" photo.png
exif -PNG:Comment=SECRET-PNG-COMMENT -PNG:Author=SECRET-PNG-AUTHOR \
  "-ICC_Profile<=$tmp/profile.icc" photo.png
# exiftool writes Exif into a PNG as an eXIf chunk; text goes in tEXt,
# iTXt (XMP) and, compressed, zTXt.
exiftool -q -overwrite_original -m -PNG:Title=SECRET-PNG-TITLE -PNG:Description=SECRET-PNG-DESCRIPTION photo.png

cp "$tmp/plain-lossy.webp" photo.webp
exif "-ICC_Profile<=$tmp/profile.icc" photo.webp
cp "$tmp/plain-alpha.webp" alpha.webp
exif alpha.webp

cp "$tmp/plain.gif" photo.gif
exif -Comment=SECRET-GIF-COMMENT photo.gif
