"""Small charts for the monitoring screen, as numbers for inline SVG templates (drawn on the server)."""

QUARTER_WIDTH, QUARTER_HEIGHT, QUARTER_GAP = 14, 32, 4
PROGRESS_WIDTH = 120


def quarter_bars(values):
    """Four bars (Q1–Q4) scaled to the largest; None (no data) draws nothing."""
    numbers = [float(v) if v is not None else 0.0 for v in values]
    top = max(numbers) if numbers and max(numbers) > 0 else 1.0
    bars = []
    for index, number in enumerate(numbers):
        height = round(QUARTER_HEIGHT * number / top, 1)
        bars.append(
            {
                "x": index * (QUARTER_WIDTH + QUARTER_GAP),
                "y": round(QUARTER_HEIGHT - height, 1),
                "height": height,
                "label": f"Q{index + 1}: {values[index] if values[index] is not None else '—'}",
            }
        )
    return {
        "width": 4 * QUARTER_WIDTH + 3 * QUARTER_GAP,
        "height": QUARTER_HEIGHT,
        "bar_width": QUARTER_WIDTH,
        "bars": bars,
    }


def progress_bar(value, target):
    """The value's share of the target as a bar (capped at the full width; 100 % = the target)."""
    if value is None or not target:
        return None
    share = float(value) / float(target)
    return {"width": PROGRESS_WIDTH, "filled": round(min(share, 1.0) * PROGRESS_WIDTH, 1), "reached": share >= 1}
