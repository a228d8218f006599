"""Stage 6, pack: a build, from a parameters file to a published pack folder.

Takes a :class:`~readiness.pack.job.Job` (a parameters file, an output folder, options) and gives a pack
folder, published whole or not at all: ``index.html`` (rendered by ``render``), ``figures.json``
(``figures``), ``figures.xlsx`` (``workbook``), ``pack.pdf`` (``pdf``) and ``manifest.json`` (``manifest``).
``build`` locks, checks and publishes; ``pipeline`` does the work (inputs read once, figures computed,
sections run by ``engine`` in this process, in parallel where it can); ``cache`` and ``store`` make
rebuilds incremental; ``notebook`` is what a section notebook opens; ``verify`` checks a built pack.
"""
