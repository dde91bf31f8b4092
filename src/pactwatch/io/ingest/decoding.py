"""A file's bytes to text: UTF-8 as is, UTF-16/32 by their mark, a confident legacy encoding
(charset-normalizer) with a warning, else a Failure; the size and kind checks before reading."""
from __future__ import annotations

import re
from pathlib import Path

from ...model import Failure
from .header import path_name
from .limits import Limits, too_large


_BOM = "\ufeff"
BOM_BYTES = b"\xef\xbb\xbf"
# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
                 (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))
# When charset-normalizer finds several encodings equally plausible, prefer these (English news:
# latin-1 text is far more often cp1252 than cp1250, which would turn "ñ" into "ń"; Windows code
# pages are far more common than the old Mac ones, e.g. cp1251 rather than mac_cyrillic).
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256",
              "cp1257")
_LATIN = frozenset(_PREFERRED[:3])
_MAX_CHAOS = 0.2         # charset-normalizer's "mess" ratio above which a decoding is refused
_MIN_COHERENCE = 0.05    # language coherence needed, unless the text is mostly ASCII in a Latin encoding
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode file bytes: ``(text, None, warning)`` or ``(None, reason, None)``.

    UTF-8 (BOM removed) as is; UTF-16/32 with a BOM decoded; NUL bytes without
    a BOM are binary; anything else goes to `_detect` (charset-normalizer), whose
    decodings carry a warning naming the encoding."""
    for bom, codec, name in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                return None, f"not valid {name} text despite its byte-order mark ({e.reason} at byte {e.start + len(bom)})", None
            if "\x00" in text:
                return None, f"binary file (NUL characters in the {name} text)", None
            return text, None, f"decoded from {name} (byte-order mark)"
    if b"\x00" in data:
        return None, "binary file (contains NUL bytes)", None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _detect(data, f"invalid byte 0x{data[e.start]:02x} at offset {e.start}")
    if text.startswith(_BOM):
        text = text[1:]
    return text, None, None


def _detect(data: bytes, why_not_utf8: str) -> tuple[str | None, str | None, str | None]:
    """Decode non-UTF-8 bytes in the encoding charset-normalizer finds, when it is confident."""
    refuse = f"not UTF-8 text ({why_not_utf8}) and no other encoding could be detected with confidence"
    try:
        from charset_normalizer import from_bytes
    except ImportError as e:  # a declared dependency: a broken install
        return None, (f"not UTF-8 text ({why_not_utf8}); other encodings need charset-normalizer, which cannot "
                      f"be imported ({e}): reinstall pactwatch with its constraints"), None
    try:
        matches = list(from_bytes(data))
    except Exception as e:  # pragma: no cover - the detector must not sink the batch
        return None, f"{refuse} (detector error: {type(e).__name__})", None
    if not matches:
        return None, refuse, None
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best + 1e-9]
    # a match stands for every encoding giving the same text (`could_be_from_charset`)
    pick, encoding = next(((m, enc) for enc in _PREFERRED for m in tied
                           if enc == m.encoding or enc in (m.could_be_from_charset or ())),
                          (tied[0], tied[0].encoding))
    if pick.chaos > _MAX_CHAOS:
        return None, refuse, None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None, refuse, None
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    mostly_ascii = encoding in _LATIN and non_ascii <= max(1, len(text) // 5)
    if pick.coherence < _MIN_COHERENCE and not mostly_ascii:
        return None, refuse, None
    if len(_CONTROL.findall(text)) > len(text) // 100:
        return None, refuse, None
    return text, None, f"decoded from {encoding} (not UTF-8; encoding detected by charset-normalizer)"


def open_check(p: Path, limits: Limits, *, whole_file: bool) -> Failure | None:
    """Existence / kind / size checks shared by both readers."""
    try:
        st = p.stat()
    except FileNotFoundError:
        return Failure(path_name(p), "no such file or directory")
    except OSError as e:
        return Failure(path_name(p), f"cannot read: {e.strerror or e}")
    if p.is_dir():
        return Failure(path_name(p), "is a directory")
    if st.st_size == 0:
        return Failure(path_name(p), "empty file")
    if whole_file and st.st_size > limits.max_bytes:
        return Failure(path_name(p), too_large(st.st_size, limits.max_bytes))
    return None


def read_decoded(p: Path, limits: Limits) -> tuple[str, list[str]] | Failure:
    """The whole file, size-checked and decoded: ``(text, warnings)`` or a Failure."""
    if (bad := open_check(p, limits, whole_file=True)) is not None:
        return bad
    origin = path_name(p)
    try:
        with open(p, "rb") as f:
            data = f.read(limits.max_bytes + 1)
    except OSError as e:
        return Failure(origin, f"cannot read: {e.strerror or e}")
    if len(data) > limits.max_bytes:  # grew since stat
        return Failure(origin, too_large("more than " + str(limits.max_bytes), limits.max_bytes))
    if not data:  # shrank since stat
        return Failure(origin, "empty file")
    text, reason, note = _decode(data)
    if reason:
        return Failure(origin, reason)
    assert text is not None
    return text, [note] if note else []
