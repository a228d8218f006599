"""``readiness sample``: draw a sample and write its CSV and case-tracking workbook, or read a completed one back."""

from __future__ import annotations

from pathlib import Path

from readiness.errors import printable

from .themes import themed as themed_draw


def draw(args) -> int:
    """Draw the sample the arguments ask for (themed with ``--theme``) beside the pack folder; print what was drawn.
    The inputs are read and checked as a build reads them, through the pack's cache: a sample drawn after a build
    (or again) reuses the checked copy while the inputs and code are unchanged."""
    from readiness.config.params import load_params
    from readiness.files import no_more_open_than
    from readiness.pack.build import cache_folder, default_output
    from readiness.pack.cache import cached_inputs, input_hashes

    from .keep import check_sample_targets
    from .sample import COLUMNS, draw_sample, sample_csv, strata_report
    from .tracking import write_tracking_workbook

    params = load_params(args.params)
    snapshot = params.period.snapshot
    themed = None if args.theme is None else themed_draw(args.theme, args.since, args.per_worker, snapshot)
    pack_folder = default_output(params, args.out, several=False).resolve()
    folder = pack_folder.parent / f"{pack_folder.name}.samples"
    stem = f"{params.pack_id}-sample-{args.size}-seed{args.seed}" + ("" if themed is None else f"-{themed.theme}")
    check_sample_targets(folder / f"{stem}-tracking.xlsx", folder / f"{stem}.csv", ",".join(COLUMNS), args.force)  # before reading
    cache = cache_folder(pack_folder, params)  # the build's: inputs it checked are reused, and inputs read here serve it
    cache.mkdir(parents=True, exist_ok=True)
    no_more_open_than(cache, pack_folder.parent)  # child-level data
    inputs = cached_inputs(params, input_hashes(params), cache)
    sample = draw_sample(inputs, params, args.size, args.seed, themed, args.not_audited_within)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.csv").write_text(sample_csv(sample), encoding="utf-8", newline="")
    ids = params.pack_id if themed is None else f"{params.pack_id}-{themed.theme}"  # a themed sample's audit ids are its own
    workbook = write_tracking_workbook(folder / f"{stem}-tracking.xlsx", sample, inputs, ids, args.seed, snapshot)
    if themed is not None:
        print(f"Theme {themed.theme}: children with activity from {themed.since} to {snapshot}, at most {themed.per_worker} per worker")
    for line in strata_report(inputs, params, sample, args.size, themed).to_string(index=False).splitlines():
        print(printable(line))  # stratum and team names come from the inputs: no escape code reaches the terminal
    recent = int((sample["audited_recently"] == "Y").sum())
    print(f"\n{len(sample)} children sampled (seed {args.seed}): {folder / f'{stem}.csv'}")
    print(f"{recent} of them audited in the {args.not_audited_within} weeks to {snapshot} (flagged in the CSV)")
    print(f"Case-tracking workbook: {workbook}")
    print("These files name children: keep them inside the council's secure systems.")
    return 0


def read_back_workbook(workbook: Path) -> int:
    """Read a completed workbook back as the extracts' workbooks beside it; print what was read and where it went."""
    from .readback import read_back

    written, counts = read_back(workbook)
    print("Read: " + ", ".join(f"{count} {what}" for what, count in counts.items()))
    for name, path in written.items():
        print(f"{name}: {path}")
    print(f"Add these to the pack's data ({', '.join(written)}), or name the workbook itself as data: case_tracking.")
    return 0
