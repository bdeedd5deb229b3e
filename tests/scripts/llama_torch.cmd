# The verdicts against PyTorch; the certified bounds (liecheck's own numbers)
# are stripped.
"$LIECHECK" llama_torch.lc | sed 's/ (|deviation| <= [^)]*)//'
