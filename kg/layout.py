"""Positions for a view, computed in Python so the browser needs no physics.

Fruchterman-Reingold as in ``nx.spring_layout``, vectorised with numpy, with
a pull to the centre; above ``EXACT_LAYOUT_MAX`` nodes the far-field
repulsion is sampled. Deterministic for a seed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np

EXACT_LAYOUT_MAX = 2000  # above this many nodes, layout samples far-field repulsion
GRAVITY = 1.0  # pull to the centre, relative to the spring forces
GAP = 0.4  # least distance between two nodes after the layout, relative to the median edge
LABEL_PX = 20.0  # room for a node's label below it
SEPARATE_MAX = 2500  # above this many nodes no labels are read at full view: nodes are not pushed apart


def _repel(pos: np.ndarray, src: np.ndarray, k2: float, weight: float = 1.0, skip_r2: float = 0.0) -> np.ndarray:
    """Fruchterman-Reingold repulsion k^2/d on each point of ``pos`` from the points ``src``."""
    out, (x, y), (sx, sy) = np.empty_like(pos), np.ascontiguousarray(pos.T), np.ascontiguousarray(src.T)
    step = max(1, 1_000_000 // len(src))  # bounded memory: step x len(src) pairs at a time
    for s in range(0, len(pos), step):
        dx, dy = x[s : s + step, None] - sx, y[s : s + step, None] - sy
        d2 = dx * dx + dy * dy
        w = np.where(d2 > max(skip_r2, 1e-18), weight * k2 / np.maximum(d2, 1e-18), 0.0)
        out[s : s + step, 0], out[s : s + step, 1] = (dx * w).sum(1), (dy * w).sum(1)
    return out


def _pairs_within(pos: np.ndarray, r: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) of points that may be closer than ``r``, each pair once, via a grid of r x r cells."""
    n, cells = len(pos), np.floor((pos - pos.min(0)) / r).astype(np.int64)
    stride = int(cells[:, 1].max()) + 3
    key = cells[:, 0] * stride + cells[:, 1] + 1
    order = np.argsort(key, kind="stable")
    skey, found_i, found_j = key[order], [], []
    for off in (0, 1, stride - 1, stride, stride + 1):  # own cell, then 4 of the 8 neighbours: each pair once
        lo, hi = np.searchsorted(skey, key + off, "left"), np.searchsorted(skey, key + off, "right")
        cnt = hi - lo
        i = np.repeat(np.arange(n), cnt)
        j = order[np.repeat(lo - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))]
        keep = (i < j) if off == 0 else slice(None)
        found_i.append(i[keep])
        found_j.append(j[keep])
    return np.concatenate(found_i), np.concatenate(found_j)


def _repel_near(pos: np.ndarray, k2: float, r: float) -> np.ndarray:
    """The same between all pairs closer than ``r``, found via a grid of r x r cells (numpy only)."""
    n, out = len(pos), np.zeros_like(pos)
    i, j = _pairs_within(pos, r)
    delta = pos[i] - pos[j]
    d2 = np.einsum("ij,ij->i", delta, delta)
    w = np.where(d2 < r * r, k2 / np.maximum(d2, 1e-18), 0.0)
    for c in (0, 1):
        out[:, c] += np.bincount(i, delta[:, c] * w, n) - np.bincount(j, delta[:, c] * w, n)
    return out


def _separate(pos: np.ndarray, radius: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push apart points closer than the sum of their radii (each moves half the shortfall), so that
    nodes and their labels do not sit on one another where many facts knot a few actors together."""
    pos, n = pos.copy(), len(pos)
    rng = np.random.default_rng(0)  # points on one spot part in a fixed, arbitrary direction
    for _ in range(rounds):
        i, j = _pairs_within(pos, 2 * float(radius.max()))
        delta = pos[i] - pos[j]
        d, gap = np.sqrt(np.einsum("ij,ij->i", delta, delta)), radius[i] + radius[j]
        close = d < gap - 0.5  # half a pixel is close enough
        if not close.any():
            break
        i, j, delta, d, gap = i[close], j[close], delta[close], d[close], gap[close]
        same = d < 1e-9
        delta[same] = rng.normal(size=(int(same.sum()), 2))
        d[same] = np.sqrt(np.einsum("ij,ij->i", delta[same], delta[same]))
        push = delta * ((gap - d) / (2 * d))[:, None]
        count = np.maximum(np.bincount(i, minlength=n) + np.bincount(j, minlength=n), 1)[:, None]
        move = np.zeros_like(pos)
        for c in (0, 1):
            move[:, c] = np.bincount(i, push[:, c], n) - np.bincount(j, push[:, c], n)
        pos += move / np.sqrt(count)  # damped where a point is pushed from many sides
    return pos


def _spring(n: int, e: np.ndarray, seed: int, iterations: int) -> np.ndarray:
    """Fruchterman-Reingold as in ``nx.spring_layout`` (random start, linear cooling) plus gravity."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k, temp, m = 1.0 / math.sqrt(n), 0.1, min(n, 600)
    for _ in range(iterations):
        if n <= EXACT_LAYOUT_MAX:
            disp = _repel(pos, pos, k * k)
        else:  # near field exact, far field from m random nodes weighted n/m
            far = _repel(pos, pos[rng.choice(n, m, replace=False)], k * k, n / m, 4 * k * k)
            disp = _repel_near(pos, k * k, 2 * k) + far
        delta = pos[e[:, 0]] - pos[e[:, 1]]
        f = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) / k)[:, None]  # attraction d^2/k
        for c in (0, 1):
            disp[:, c] += np.bincount(e[:, 1], f[:, c], n) - np.bincount(e[:, 0], f[:, c], n)
        disp -= (pos - pos.mean(0)) * GRAVITY
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-12)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= 0.1 / (iterations + 1)
    return pos


def layout(
    g: nx.Graph[Any], *, seed: int = 0, iterations: int = 50, edge_px: float = 110.0,
    sizes: Mapping[Any, float] | None = None,
) -> dict[Any, tuple[float, float]]:
    """Deterministic spring positions in pixels (median edge ``edge_px``); nodes without edges in a grid below.

    No two nodes end closer than ``GAP * edge_px``, nor than their radii (``sizes``, in pixels) plus
    ``LABEL_PX`` for the label under them (up to ``SEPARATE_MAX`` nodes: a view cut to ``--limit``).

    Vectorised with numpy: ``nx.spring_layout`` takes 6-9 s at 1k nodes, this
    ~1 s. Above ``EXACT_LAYOUT_MAX`` nodes repulsion is exact only within 2k
    and sampled beyond (20k nodes: 10-20 s).
    """
    linked = [v for v in g.nodes if any(u != v for u in nx.all_neighbors(g, v))]
    index = {v: i for i, v in enumerate(linked)}
    e = np.array(sorted({tuple(sorted((index[u], index[v]))) for u, v in g.edges() if u != v}), dtype=np.intp)
    e = e.reshape(-1, 2)
    pos: dict[Any, tuple[float, float]] = {}
    if linked:
        xy = _spring(len(linked), e, seed, iterations) if len(linked) > 1 else np.zeros((1, 2))
        lengths = np.sqrt(((xy[e[:, 0]] - xy[e[:, 1]]) ** 2).sum(1)) if len(e) else np.ones(1)
        xy = (xy - xy.mean(0)) * (edge_px / max(float(np.median(lengths)), 1e-9))
        radius = np.array([max(GAP * edge_px / 2, float((sizes or {}).get(v, 0.0)) + LABEL_PX / 2) for v in linked])
        xy = _separate(xy, radius) if len(linked) <= SEPARATE_MAX else xy
        pos = {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(linked, xy, strict=True)}
    lonely = [v for v in g.nodes if v not in index]
    if lonely:  # rows under the drawing, 220 x 60 px cells
        x0, x1 = min((p[0] for p in pos.values()), default=0.0), max((p[0] for p in pos.values()), default=0.0)
        y0 = max((p[1] for p in pos.values()), default=-2 * edge_px) + 2 * edge_px
        cols = max(math.ceil(math.sqrt(len(lonely))), int((x1 - x0) // 220) + 1)
        for i, v in enumerate(lonely):
            pos[v] = (round(x0 + 220.0 * (i % cols), 1), round(y0 + 60.0 * (i // cols), 1))
    return {v: pos[v] for v in g.nodes}
