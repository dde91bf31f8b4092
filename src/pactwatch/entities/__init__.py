"""Who is named in a document: the actor resolver and the document's actors, one module per job
(``doc_actors.py``, ``names.py``, ``people.py``, ``resolver.py``). ``pactwatch.actors`` keeps the names."""
