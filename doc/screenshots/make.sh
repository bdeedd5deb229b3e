#!/bin/sh
# make.sh [OUTDIR] -- the reports as a reader sees them.  Run from the top of
# the source tree after `make reports`; with REPORTS=DIR in the environment
# the reports are read from DIR instead of doc/reports (CI writes them with
# the liecheck it built, .ci/run).
#
# 1. Compiles every doc/reports/*.tex with pdflatex (twice, for longtable's
#    column widths) in a scratch directory: an error fails; the overfull and
#    underfull boxes of each are counted and printed.
# 2. Renders doc/reports/van_nierop.html with headless Chromium at desktop
#    width (1280) and phone width (390), and pages 1-2 of van_nierop.tex
#    with pdftoppm at 60 dpi, into OUTDIR (default doc/screenshots, whose
#    PNGs are committed and linked from README.md); each PNG must be
#    non-empty.
#
# A tool that is missing (chromium, pdflatex, pdftoppm) is reported with a
# line "skipped: ..." and its part is left out; it never fails silently.
# Exit status 1 when a document does not compile or a picture is empty, else
# 77 when a part was skipped, else 0.
set -u
out=${1:-doc/screenshots}
reports=${REPORTS:-doc/reports}
[ -d "$reports" ] || { echo "make.sh: no directory $reports (run from the top of the source tree)" >&2; exit 2; }
reports=$(cd "$reports" && pwd)
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-shots.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
status=0
skipped=0
page=van_nierop

nonempty() {  # a PNG that is there and more than a header
    if [ -s "$1" ] && [ "$(wc -c < "$1")" -gt 1000 ]; then
        echo "  $(basename "$1"): $(wc -c < "$1") bytes"
    else
        echo "EMPTY: $1"
        status=1
    fi
}

# ------------------------------------------------------------------ LaTeX
if command -v pdflatex >/dev/null 2>&1; then
    total_over=0; total_under=0
    for tex in "$reports"/*.tex; do
        name=$(basename "$tex" .tex)
        cp "$tex" "$tmp/$name.tex"
        if (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" \
                >/dev/null 2>&1 &&
            pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null 2>&1); then
            over=$(grep -c '^Overfull' "$tmp/$name.log")
            under=$(grep -c '^Underfull' "$tmp/$name.log")
            pages=$(grep -o 'Output written on .*(\([0-9]*\) page' "$tmp/$name.log" |
                    sed 's/.*(\([0-9]*\) page/\1/')
            echo "pdflatex $name.tex: ${pages:-?} pages, $over overfull, $under underfull boxes"
            total_over=$((total_over + over)); total_under=$((total_under + under))
        else
            echo "ERROR: pdflatex failed on $name.tex:"
            grep -A 3 '^!' "$tmp/$name.log" | head -n 20
            status=1
        fi
    done
    echo "pdflatex: $total_over overfull, $total_under underfull boxes in all"
    if [ -s "$tmp/$page.pdf" ]; then
        if command -v pdftoppm >/dev/null 2>&1; then
            pdftoppm -png -r 60 -f 1 -l 2 "$tmp/$page.pdf" "$tmp/$page-latex"
            # pdftoppm numbers pages by the page count's width: -1 or -01
            for p in 1 2; do
                rm -f "$out/$page-latex-$p.png"
                f=$(ls "$tmp/$page-latex-"*"$p.png" 2>/dev/null | head -n 1)
                [ -n "$f" ] && cp "$f" "$out/$page-latex-$p.png"
                nonempty "$out/$page-latex-$p.png"
            done
        else
            echo "skipped: pages of the LaTeX report (no pdftoppm; apt-get install poppler-utils)"
            skipped=1
        fi
    fi
else
    echo "skipped: compiling the LaTeX reports (no pdflatex; apt-get install texlive-latex-recommended texlive-pictures)"
    skipped=1
fi

# ------------------------------------------------------------------- HTML
chrome=
for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chrome=$c; break; fi
done
if [ -n "$chrome" ]; then
    for shot in desktop:1280,2000 phone:390,1800; do
        kind=${shot%%:*}; size=${shot#*:}
        # --no-sandbox: CI runs as root; a profile of its own, nothing fetched
        rm -f "$out/$page-$kind.png"
        timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
            --hide-scrollbars \
            --no-first-run --user-data-dir="$tmp/profile-$kind" \
            --force-device-scale-factor=1 --window-size="$size" \
            --screenshot="$out/$page-$kind.png" "file://$reports/$page.html" \
            >/dev/null 2>&1
        nonempty "$out/$page-$kind.png"
    done
else
    echo "skipped: screenshots of the HTML report (no chromium; apt-get install chromium)"
    skipped=1
fi
[ $status -ne 0 ] && exit $status
[ $skipped -ne 0 ] && exit 77
exit 0
