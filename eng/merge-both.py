#!/usr/bin/env python3
"""Resolves git conflicts in list-like files (solution, props) by keeping both sides, ours first."""
import sys
for path in sys.argv[1:]:
    out = []
    for line in open(path, encoding="utf-8-sig").read().split("\n"):
        if line.startswith(("<<<<<<< ", "=======", ">>>>>>> ")) and (line.startswith("=======") is False or line.strip() == "======="):
            continue
        out.append(line)
    open(path, "w", encoding="utf-8").write("\n".join(out))
