"""Cross-document stage: one record per real-world event, agreements, commitments, actors.

Runs after the store has the per-document events (store -> link -> store):

- **Canonical events.** Two events from different documents are *linked* when a deterministic,
  explainable test says they report the same real-world event (same category and kind,
  overlapping participants, no conflicting people, place, agreement or date, dates within a
  window, similar evidence where the category is too generic to tell otherwise). A canonical
  event is a connected component of links (split where its reports conflict); its id is the
  smallest member id. Linking stays bounded: a new report is compared only with the reports of
  its blocks (category, a country, person or place it names, and the time its dates can reach:
  `forest._reach`), with each group of linked reports there only until one member (its
  representative for the new report) matches, and only a spanning set of each
  canonical event's links is stored, with its reasons (k - 1 links for k reports of one event,
  not k^2/2). That set is a function of the reports alone (Kruskal's tree over the matching pairs
  ordered by id, see `forest._spanning_links`), so the result does not depend on the order
  documents arrived in, and an incremental update (recomputing the canonical events it touches)
  stores exactly what a rebuild stores. Categories and canonical events are independent blocks,
  linked through any `map_fn(fn, items)` (a local pool of `jobs` workers by default).
- **Commitments.** Every canonical AGREE event (a promise, proposal, plan, offer, invitation,
  future meeting, "will sign") is a commitment. A later canonical event that carries it out
  closes it as *fulfilled*; a later cancellation as *withdrawn*; one past its due date with no
  sign as *overdue*; otherwise it is *open*. Status is as of the latest document date.
- **Agreements.** Canonical events that name or type an agreement build agreement objects with
  dated, cited stages (proposed, negotiating, to_be_signed, signed, in_force, suspended, withdrawn).
- **Actors.** A registry over all mentions: one record per person or organisation with aliases,
  countries, roles with the dates they were reported, and the mentions' sources.

Thresholds live in `LinkConfig` and can be changed by the caller.

One module per job; each imports what it uses from the ones before it:

* ``config``      - `LinkConfig` (the thresholds) and the word cues of data/link_words.json;
* ``features``    - what matching reads of one report: countries, people, kind, occasion, words, dates;
* ``matching``    - `same_event`: the reasons why two reports tell one event, or None;
* ``forest``      - union-find over linked reports, the pairs compared at all, the links stored;
* ``splits``      - a connected set of reports whose facts conflict split into canonical events;
* ``canonical``   - canonical event records from the stored clusters, people in their current roles;
* ``fulfilment``  - whether a later canonical event carries out or calls off a commitment;
* ``commitments`` - every promise with its due date and status;
* ``agreements``  - agreement objects and their dated stages;
* ``registry``    - the actor registry and the timeline of two countries;
* ``updating``    - incremental `update`, `rebuild`, and the refresh of commitments and agreements.

``pactwatch.link`` keeps the names for code that imported them from there.
"""
from .agreements import AGREEMENT_TYPES, STAGES, agreement_of, build_agreements
from .canonical import canonical_events, current_roles
from .commitments import build_commitments
from .config import LinkConfig
from .fulfilment import CANCEL_TYPES, FULFILS
from .matching import same_event
from .registry import actor_registry, timeline
from .updating import REBUILD_BATCH, LinkReport, rebuild, refresh_derived, update

__all__ = ["AGREEMENT_TYPES", "CANCEL_TYPES", "FULFILS", "REBUILD_BATCH", "STAGES", "LinkConfig", "LinkReport",
           "actor_registry", "agreement_of", "build_agreements", "build_commitments", "canonical_events",
           "current_roles", "rebuild", "refresh_derived", "same_event", "timeline", "update"]
