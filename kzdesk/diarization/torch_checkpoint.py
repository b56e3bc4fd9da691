"""Read the tensors of a legacy (pre-1.6, non-zip) PyTorch checkpoint without PyTorch.

Used once to turn resemblyzer's ``pretrained.pt`` into the ``.npz`` kzdesk ships, and as a
fallback when that file is missing but a resemblyzer package is installed. The unpickler only
accepts the handful of globals a state dict needs; anything else is refused, so a crafted file
cannot run code.
"""

from __future__ import annotations

import collections
import io
import pickle
import struct
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

_DTYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
}
_MAGIC = 0x1950A86A20F9469CFC6C


class CheckpointError(ValueError):
    pass


class _Tensor:
    def __init__(self, storage: tuple[str, str], offset: int, size: tuple, stride: tuple) -> None:
        self.kind, self.key = storage
        self.offset, self.size, self.stride = offset, tuple(size), tuple(stride)


class _Storage:
    def __init__(self, name: str) -> None:
        self.name = name


def _rebuild_tensor_v2(storage, offset, size, stride, *_rest):  # type: ignore[no-untyped-def]
    return _Tensor(storage, offset, size, stride)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor_v2
        if module == "torch" and name in _DTYPES:
            return _Storage(name)
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        raise CheckpointError(f"unexpected object in checkpoint: {module}.{name}")

    def persistent_load(self, pid: Any) -> tuple[str, str]:
        if not isinstance(pid, tuple) or pid[0] != "storage":
            raise CheckpointError("unexpected persistent id in checkpoint")
        return (pid[1].name, str(pid[2]))


def read_legacy(stream: BinaryIO) -> dict[str, Any]:
    """The checkpoint's object with every tensor replaced by a numpy array."""
    if pickle.load(stream) != _MAGIC:
        raise CheckpointError("not a legacy PyTorch checkpoint")
    pickle.load(stream)  # protocol version
    pickle.load(stream)  # sys info
    obj = _Unpickler(stream).load()
    keys = pickle.load(stream)
    kinds: dict[str, str] = {}

    def collect(o: Any) -> None:
        if isinstance(o, _Tensor):
            kinds[o.key] = o.kind
        elif isinstance(o, dict):
            for v in o.values():
                collect(v)
        elif isinstance(o, list | tuple):
            for v in o:
                collect(v)

    collect(obj)
    storages: dict[str, np.ndarray] = {}
    for key in keys:
        (count,) = struct.unpack("<q", stream.read(8))
        dtype = np.dtype(_DTYPES[kinds.get(key, "FloatStorage")])
        storages[key] = np.frombuffer(stream.read(count * dtype.itemsize), dtype=dtype)

    def convert(o: Any) -> Any:
        if isinstance(o, _Tensor):
            flat = storages[o.key]
            return np.lib.stride_tricks.as_strided(
                flat[o.offset :], shape=o.size, strides=[s * flat.itemsize for s in o.stride]
            ).copy()
        if isinstance(o, dict):
            return {k: convert(v) for k, v in o.items()}
        return o

    return convert(obj)


def state_dict_from(path: str | Path) -> dict[str, np.ndarray]:
    """``model_state`` of a checkpoint file, or of ``resemblyzer/pretrained.pt`` inside a
    Resemblyzer wheel when ``path`` is a ``.whl``."""
    file = Path(path)
    if file.suffix == ".whl":
        with zipfile.ZipFile(file) as wheel:
            data = wheel.read("resemblyzer/pretrained.pt")
        checkpoint = read_legacy(io.BytesIO(data))
    else:
        with file.open("rb") as stream:
            checkpoint = read_legacy(stream)
    state = checkpoint.get("model_state", checkpoint)
    return {k: v for k, v in state.items() if isinstance(v, np.ndarray)}
