"""Who is named in a document, one module per job: the knowledge tables (``records.py``, ``keys.py``,
``tables.py``, ``lookups.py``) and the actor resolver with the document's actors (``names.py``, ``people.py``,
``resolver.py``, ``doc_actors.py``). ``pactwatch.knowledge`` and ``pactwatch.actors`` keep the names."""
