# The verdicts of the gauge_modern script (NeurReps 2025 characterization,
# SliceGPT/QuaRot computational invariance on LLaMA-style models), one line
# per claim, and the summary lines; the certified bounds (liecheck's own
# numbers) and the statements are stripped.
"$LIECHECK" ../../examples/papers/gauge_modern.lc | sed 's/ (|deviation| <= [^)]*)//' | sed '/^claims: \|^Coverage: \| of the paper checked: /!s/: .*//'
