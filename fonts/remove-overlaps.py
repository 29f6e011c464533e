"""Rewrites a TrueType font so that no glyph has overlapping contours.

Roboto draws many glyphs from overlapping pieces (the two bars of "+", the strokes of "A", "e" as one looping
contour). Printers fill outlines with the nonzero rule, so the overlaps print solid; renderers that fill even-odd,
zebrash among them, leave them white, so previews showed "+" as a "÷" and specks inside letters. The union of each
glyph's contours looks the same under both rules.

Usage (dev tool, run once when the label font changes; needs Debian's python3-fonttools and
python3-booleanoperations):

    /usr/bin/python3 fonts/remove-overlaps.py original.ttf fonts/RobotoCondensed-Bold.ttf

Advance widths, glyph order, cmap and kerning are unchanged; a rewritten glyph loses its hinting instructions.
The script stops if a union does not cover the same area as the glyph it replaces.
"""
import math
import sys

import pyclipper
from booleanOperations.booleanGlyph import BooleanGlyph
from booleanOperations.flatten import InputContour, clipperScale
from fontTools.pens.basePen import decomposeQuadraticSegment
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.filterPen import FilterPen
from fontTools.pens.pointPen import SegmentToPointPen
from fontTools.pens.recordingPen import DecomposingRecordingPen, RecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

MARK = 'overlaps removed for labelworks'


class QuadToCubic(FilterPen):
    """Exact degree elevation: booleanOperations cuts cubic segments only."""

    def moveTo(self, pt):
        self.current = pt
        self._outPen.moveTo(pt)

    def lineTo(self, pt):
        self.current = pt
        self._outPen.lineTo(pt)

    def curveTo(self, *pts):
        self.current = pts[-1]
        self._outPen.curveTo(*pts)

    def qCurveTo(self, *pts):
        for c, p1 in decomposeQuadraticSegment(pts):
            p0 = self.current
            c1 = (p0[0] + 2 * (c[0] - p0[0]) / 3, p0[1] + 2 * (c[1] - p0[1]) / 3)
            c2 = (p1[0] + 2 * (c[0] - p1[0]) / 3, p1[1] + 2 * (c[1] - p1[1]) / 3)
            self._outPen.curveTo(c1, c2, p1)
            self.current = p1


def boolean_glyph(draw):
    glyph = BooleanGlyph()
    draw(QuadToCubic(SegmentToPointPen(glyph.getPointPen())))
    return glyph


def flat(glyph):
    return [c for c in (InputContour(contour).originalFlat for contour in glyph.contours) if len(c) > 2]


def signed_total(paths):
    # Clipper returns holes as paths of their own, wound the other way: their areas subtract.
    return abs(sum(pyclipper.Area(p) for p in paths))


def filled_area(contours, rule):
    pc = pyclipper.Pyclipper()
    pc.AddPaths(contours, pyclipper.PT_SUBJECT, True)
    return signed_total(pc.Execute(pyclipper.CT_UNION, rule, rule))


def overlaps(contours):
    """Overlapping contours fill more under the nonzero rule than under even-odd."""
    nonzero = filled_area(contours, pyclipper.PFT_NONZERO)
    return nonzero - filled_area(contours, pyclipper.PFT_EVENODD) > 1e-4 * max(nonzero, 1)


def same_fill(before, after):
    pc = pyclipper.Pyclipper()
    pc.AddPaths(before, pyclipper.PT_SUBJECT, True)
    pc.AddPaths(after, pyclipper.PT_CLIP, True)
    xor = signed_total(pc.Execute(pyclipper.CT_XOR, pyclipper.PFT_NONZERO, pyclipper.PFT_NONZERO))
    # Integer coordinates move an edge by up to half a font unit, so allow that much along every edge.
    edges = sum(math.dist(c[i - 1], c[i]) for c in before for i in range(len(c)))
    return xor <= 0.5 * clipperScale * edges


def merged_glyph(name, glyph_set, glyf):
    """The glyph as the union of its contours (components decomposed), or None when nothing overlaps."""
    recording = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(recording)
    source = boolean_glyph(recording.replay)
    before = flat(source)
    if not before or not overlaps(before):
        return None
    pen = TTGlyphPen(None)
    # The union comes out counter-clockwise; TrueType outer contours run clockwise, and a composite that mixed
    # the two directions would cancel where its components overlap.
    source.removeOverlap().draw(Cu2QuPen(pen, max_err=0.5, reverse_direction=True))
    merged = pen.glyph()
    drawn = RecordingPen()
    merged.draw(drawn, glyf)
    if not same_fill(before, flat(boolean_glyph(drawn.replay))):
        sys.exit(f'{name}: the union of its contours does not cover the same area as the glyph')
    return merged


def main(source_path, target_path):
    font = TTFont(source_path, recalcTimestamp=False)
    glyf = font['glyf']
    changed = []
    # Simple glyphs first; then composites, judged on their rewritten components, so only those whose components
    # overlap each other are decomposed (the others keep their components, and the font stays small).
    for composites in (False, True):
        glyph_set = font.getGlyphSet()
        for name in font.getGlyphOrder():
            glyph = glyf[name]
            if glyph.isComposite() != composites or glyph.numberOfContours == 0:
                continue
            merged = merged_glyph(name, glyph_set, glyf)
            if merged is not None:
                glyf[name] = merged
                changed.append(name)
    names = font['name']
    for record in names.names:
        if record.nameID == 5 and MARK not in record.toUnicode():
            record.string = f'{record.toUnicode()}; {MARK}'
    font.save(target_path)
    print(f'{len(changed)} glyphs rewritten as the union of their contours')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: remove-overlaps.py original.ttf output.ttf')
    main(sys.argv[1], sys.argv[2])
