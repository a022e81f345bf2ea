#!/usr/bin/env python3
"""Builds NotoSansCJKsc-subset.otf from the Debian package fonts-noto-cjk.

Keeps: ASCII and Latin-1, GB2312, CJK and full-width punctuation, circled numbers, arrows
and shapes used by the interface, and every character of data/corpus/*.txt, data/*.toml
and the GUI sources (src/gui/**/*.rs), so bundled documents and labels never show boxes.

Usage (from the repository root):  python3 assets/fonts/subset.py
Needs: fonttools (pip install fonttools) and fonts-noto-cjk (apt-get install fonts-noto-cjk).
"""
import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = "assets/fonts/NotoSansCJKsc-subset.otf"

RANGES = [
    (0x0020, 0x00FF),  # ASCII, Latin-1
    (0x2000, 0x206F),  # general punctuation (— … ‰ ※)
    (0x2100, 0x214F),  # letterlike symbols (℃ №)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # circled numbers ① ⑴ ⒈
    (0x25A0, 0x25FF),  # geometric shapes ■ ● ▲
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x32FF),  # enclosed CJK (㈠)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and full-width forms
]


def gb2312_chars():
    """Every character encodable in GB2312 (rows 0xA1–0xF7, cells 0xA1–0xFE)."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def file_chars():
    patterns = ["data/corpus/*.txt", "data/*.toml", "src/gui/**/*.rs"]
    chars = set()
    for pattern in patterns:
        for path in glob.glob(pattern, recursive=True):
            with open(path, encoding="utf-8-sig") as f:
                chars.update(f.read())
    return chars


def face_index(name="Noto Sans CJK SC"):
    """Index of the Simplified Chinese face in the collection (2 in Debian's file)."""
    for i, font in enumerate(TTCollection(SOURCE).fonts):
        if font["name"].getDebugName(4) == name:
            return i
    sys.exit(f"{SOURCE}: no face named {name}")


def main():
    if not os.path.isdir("data/corpus"):
        sys.exit("run from the repository root")
    chars = gb2312_chars() | file_chars()
    for lo, hi in RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    codepoints = sorted(ord(c) for c in chars if ord(c) >= 0x20)
    options = subset.Options()
    options.font_number = face_index()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, OUT, options)
    print(f"{OUT}: {len(codepoints)} code points, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
