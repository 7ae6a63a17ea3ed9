"""Small real compound files (OLE2, [MS-CFB] version 3) for upload tests: the container of .doc, .xls, .ppt
and .msg. `compound_file({"WordDocument": b"…"})` is what an old Word file looks like to a type check; a
dict as a value is a storage (a folder) with its own streams.

Every stream is stored in regular 512-byte sectors, padded to at least 4096 bytes (the mini-stream cutoff),
so the files are valid for any reader without a mini stream."""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import Union

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_CUTOFF = 4096

Tree = Mapping[str, Union[bytes, "Tree"]]


def word_document() -> bytes:
    """What Word 97–2003 writes at the top level of a .doc."""
    return compound_file(
        {"WordDocument": b"\xec\xa5", "1Table": b"", "\x05SummaryInformation": b"", "CompObj": b"Word.Document.8"}
    )


def excel_workbook() -> bytes:
    """What Excel 97–2003 writes at the top level of an .xls."""
    return compound_file({"Workbook": b"\x09\x08", "\x05SummaryInformation": b""})


def powerpoint_presentation() -> bytes:
    """What PowerPoint 97–2003 writes at the top level of a .ppt."""
    return compound_file({"PowerPoint Document": b"", "Current User": b"", "Pictures": b""})


def outlook_message(attachment: Tree | None = None) -> bytes:
    """What Outlook writes at the top level of a .msg; `attachment` is an attached file's storage (a Word
    document attached to a mail sits one level down, in `__attach_version1.0_#00000000`)."""
    tree: dict[str, bytes | Tree] = {
        "__properties_version1.0": b"",
        "__substg1.0_0037001F": "Mødeindkaldelse".encode("utf-16-le"),
        "__substg1.0_1000001F": "Se vedhæftet.".encode("utf-16-le"),
        "__nameid_version1.0": {"__substg1.0_00020102": b""},
    }
    if attachment is not None:
        tree["__attach_version1.0_#00000000"] = {"__properties_version1.0": b"", "__substg1.0_3701000D": attachment}
    return compound_file(tree)


def compound_file(tree: Tree) -> bytes:
    # Directory entries in order: (name, kind, content, child ids); 0 is the root storage.
    entries: list[list] = [["Root Entry", 5, b"", []]]

    def add(parent: int, children: Tree) -> None:
        for name, value in children.items():
            number = len(entries)
            entries[parent][3].append(number)
            if isinstance(value, bytes):
                entries.append([name, 2, value, []])
            else:
                entries.append([name, 1, b"", []])
                add(number, value)

    add(0, tree)
    directory_sectors = -(-len(entries) * 128 // SECTOR)
    streams = {number: entry[2].ljust(MINI_CUTOFF, b"\0") for number, entry in enumerate(entries) if entry[1] == 2}
    data_sectors = sum(len(content) // SECTOR for content in streams.values())
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < fat_sectors + directory_sectors + data_sectors:
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("too large for a header-only allocation table")

    fat = [FAT_SECTOR] * fat_sectors
    first_directory = len(fat)
    fat += [*range(first_directory + 1, first_directory + directory_sectors), END_OF_CHAIN]
    starts = {}
    for number, content in streams.items():
        starts[number] = len(fat)
        count = len(content) // SECTOR
        fat += [*range(starts[number] + 1, starts[number] + count), END_OF_CHAIN]
    fat += [FREE] * (fat_sectors * (SECTOR // 4) - len(fat))

    directory = b""
    for number, (name, kind, _content, _children) in enumerate(entries):
        siblings = entries[_parent_of(entries, number)][3] if number else []
        position = siblings.index(number) if number else -1
        right = siblings[position + 1] if number and position + 1 < len(siblings) else NO_STREAM
        child = entries[number][3][0] if entries[number][3] else NO_STREAM
        encoded = (name + "\0").encode("utf-16-le")
        size = len(streams[number]) if number in streams else 0
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,  # black
            NO_STREAM,
            right,
            child,
            b"",
            0,
            0,
            0,
            starts.get(number, END_OF_CHAIN),
            size,
        )
    directory += _unused_entry() * ((directory_sectors * SECTOR - len(directory)) // 128)

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        SIGNATURE,
        b"",
        0x003E,  # minor version
        3,  # major version
        0xFFFE,  # byte order
        9,  # sector shift: 512 bytes
        6,  # mini sector shift
        b"",
        0,  # directory sectors (always 0 in version 3)
        fat_sectors,
        first_directory,
        0,  # transaction signature
        MINI_CUTOFF,
        END_OF_CHAIN,  # first mini FAT sector
        0,
        END_OF_CHAIN,  # first DIFAT sector
        0,
    )
    header += struct.pack("<109I", *range(fat_sectors), *[FREE] * (109 - fat_sectors))
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(streams.values())
    return header + body


def _parent_of(entries: list[list], number: int) -> int:
    return next(parent for parent, entry in enumerate(entries) if number in entry[3])


def _unused_entry() -> bytes:
    return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NO_STREAM, NO_STREAM, NO_STREAM, b"", 0, 0, 0, 0, 0)
