#!/usr/bin/env python3
"""Resolves a git merge conflict in a PublicAPI.*.txt file by taking the sorted union of both sides."""
import re, sys
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^(<<<<<<<|=======|>>>>>>>).*\n", "", text, flags=re.M)
    body = sorted({l for l in text.splitlines() if l and not l.startswith("#")}, key=str.lower)
    open(path, "w", encoding="utf-8").write("#nullable enable\n" + "".join(l + "\n" for l in body))
