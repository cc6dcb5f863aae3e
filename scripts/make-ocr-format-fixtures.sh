#!/bin/sh
# Remakes the OCR input-format fixtures in test/fixtures/ocr (progressive JPEG, CCITT fax data and
# PDFs) from the committed form-150dpi-rotated-seal.png and line.png, with the real tools county
# units' files come from. Not needed by the tests (the outputs are committed); needs
#   apt-get install imagemagick libtiff-tools libjpeg-turbo-progs ghostscript img2pdf
# and, for the JBIG2 fixtures, jbig2enc's `jbig2` on PATH (not packaged in Debian 12: build
# agl/jbig2enc from source after apt-get install libleptonica-dev automake autoconf libtool; the
# JBIG2 part is skipped without it). ImageMagick's Debian policy forbids writing PDF, so every PDF
# here is written by another tool.
set -eu
cd "$(dirname "$0")/../test/fixtures/ocr"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Progressive JPEG (libjpeg-turbo's cjpeg), and djpeg -nosmooth's pixels of each as the reference.
convert line.png "$T/line.ppm"
cjpeg -progressive -quality 85 -sample 2x2 "$T/line.ppm" > line-progressive.jpg
cjpeg -progressive -grayscale -quality 90 "$T/line.ppm" > line-progressive-gray.jpg
cat > "$T/scans.txt" <<'SCANS'
0 1 2: 0 0 0 2;
0: 1 9 0 3;
0: 10 63 0 3;
1: 1 63 0 1;
2: 1 63 0 1;
0: 1 63 3 2;
0: 1 63 2 1;
0 1 2: 0 0 2 1;
0 1 2: 0 0 1 0;
0: 1 63 1 0;
1: 1 63 1 0;
2: 1 63 1 0;
SCANS
cjpeg -scans "$T/scans.txt" -quality 92 -sample 2x2 -restart 3 "$T/line.ppm" > line-progressive-scans.jpg
for f in line-progressive line-progressive-gray line-progressive-scans; do
  djpeg -nosmooth -pnm "$f.jpg" > "$T/$f.pnm" && convert "$T/$f.pnm" "$f.djpeg.png"
done

# Interlaced (Adam7) PNG and plain twins, from ImageMagick itself (/usr/bin/convert: the real one).
mkdir -p png
C=/usr/bin/convert
$C form-150dpi-rotated-seal.png -crop 201x99+150+70 +repage PNG24:png/seal-rgb.png
$C png/seal-rgb.png -interlace PNG PNG24:png/seal-rgb-adam7.png
$C png/seal-rgb.png -colors 16 -interlace PNG PNG8:png/seal-palette-adam7.png
$C png/seal-palette-adam7.png -interlace none PNG8:png/seal-palette.png
$C png/seal-rgb.png -interlace PNG PNG48:png/seal-rgb16-adam7.png

# CCITT fax: black-and-white pictures, coded by libtiff (each strip's data taken out of the TIFF).
mkdir -p fax
convert form-150dpi-rotated-seal.png -colorspace gray -threshold 60% -type bilevel fax/form-bw.png
convert line.png -colorspace gray -threshold 60% -type bilevel fax/line-bw.png
python3 - "$T/runs.pbm" <<'PY'
import random, sys
random.seed(7)
W, H = 5200, 24
with open(sys.argv[1], 'wb') as f:
    f.write(b'P4\n%d %d\n' % (W, H))
    for y in range(H):
        row, c = [], 0
        while len(row) < W:
            row += [c] * random.choice([random.randint(0, 70), random.randint(0, 300), random.randint(0, 3000)])
            c ^= 1
        b = bytearray((W + 7) // 8)
        for x, v in enumerate(row[:W]):
            if v: b[x >> 3] |= 0x80 >> (x & 7)
        f.write(bytes(b))
PY
convert "$T/runs.pbm" fax/runs.png
strips() { # TIFF → its strips' data, one file each: strips IN.tif OUTPREFIX
  python3 - "$1" "$2" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
e = '<' if d[:2] == b'II' else '>'
off = struct.unpack(e + 'I', d[4:8])[0]
tags = {}
for i in range(struct.unpack(e + 'H', d[off:off + 2])[0]):
    t, typ, cnt, val = struct.unpack(e + 'HHII', d[off + 2 + i * 12:off + 14 + i * 12])
    tags[t] = (typ, cnt, off + 10 + i * 12, val)
def arr(t):
    typ, cnt, at, val = tags[t]
    fmt, size = ('I', 4) if typ == 4 else ('H', 2)
    src = d[at:at + 4] if cnt * size <= 4 else d[val:val + cnt * size]
    return struct.unpack(e + fmt * cnt, src[:cnt * size])
pieces = [d[o:o + c] for o, c in zip(arr(273), arr(279))]
if len(pieces) == 1: open(sys.argv[2] + '.fax', 'wb').write(pieces[0])
else:
    for k, p in enumerate(pieces): open('%s-%d.fax' % (sys.argv[2], k + 1), 'wb').write(p)
PY
}
for src in line-bw runs; do
  convert "fax/$src.png" -compress Group4 "$T/$src.tif"
  for c in g4 g3:1d g3:1d:fill g3:2d g3:2d:fill; do
    name=$(echo "$c" | tr ':' '-')
    tiffcp -r 100000 -c "$c" "$T/$src.tif" "$T/$src-$name.tif"
    strips "$T/$src-$name.tif" "fax/$src-$name"
  done
done
$C fax/line-bw.png -type bilevel -interlace PNG png/line-bw-adam7.png
convert fax/form-bw.png -compress Group4 "$T/form.tif"
tiffcp -r 352 -c g4 "$T/form.tif" "$T/form-strips.tif"
strips "$T/form-strips.tif" fax/form-strip
tiff2pdf -o fax/form-g4-tiff2pdf.pdf "$T/form.tif"
tiffcp -c g3:2d "$T/form.tif" "$T/form-g3.tif"
img2pdf "$T/form-g3.tif" -o fax/form-g4-img2pdf.pdf
for k in 0 4; do
  d=$([ "$k" = 0 ] && echo 1d || echo 2d)
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dAutoFilterMonoImages=false -dMonoImageFilter=/CCITTFaxEncode \
    -dEncodeMonoImages=true -dDownsampleMonoImages=false -o "fax/form-g3-$d-gs.pdf" \
    -c "<</MonoImageDict <</K $k>> >> setdistillerparams" -f fax/form-g4-tiff2pdf.pdf
done

# JBIG2 (jbig2enc): generic regions, lossless, with and without TPGDON; the lossy symbol mode as a PDF.
if command -v jbig2 >/dev/null 2>&1; then
  mkdir -p jbig2
  jbig2 -p fax/form-bw.png > jbig2/form-generic.jb2
  jbig2 -p -d fax/form-bw.png > jbig2/form-generic-tpgd.jb2
  jbig2 -p -d fax/line-bw.png > jbig2/line-generic-tpgd.jb2
  (cd "$T" && jbig2 -s -p -b sym "$OLDPWD/fax/form-bw.png" && python3 "$(dirname "$(command -v jbig2)")/../jbig2topdf.py" sym) > jbig2/form-symbol-jbig2topdf.pdf
else
  echo "jbig2 (jbig2enc) not found: JBIG2 fixtures left as they are" >&2
fi
