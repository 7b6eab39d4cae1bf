#!/usr/bin/env python3
"""Door decisions on NUAA bursts against a running host (issue 11): identity fused over a burst vs single frames,
the HTTP latency of a single-frame decision at a passive door, and the silo's CPU time per 30-frame burst.

usage: door_bursts.py URL ADMIN_KEY_FILE NUAA_DIR SILO_PID
Enrols each subject from the first frame of its first live session, then decides on the other frames of every live
session at a door with liveness off: each frame alone, and non-overlapping 15-frame windows as bursts."""
import json, os, re, statistics, sys, time, urllib.request, uuid
from collections import defaultdict

url, key_file, nuaa, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
key = open(key_file).read().strip()
WINDOW, MAX_WINDOWS = 15, 4


def call(method, path, body=None, content_type=None):
    req = urllib.request.Request(url + path, data=body, method=method, headers={"X-Api-Key": key})
    if content_type: req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            text = r.read()
            return r.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def post_json(path, obj): return call("POST", path, json.dumps(obj).encode(), "application/json")


def burst(door, frames):
    boundary = uuid.uuid4().hex
    parts = [b"--%s\r\nContent-Disposition: form-data; name=\"frame\"; filename=\"f%d.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n%s\r\n"
             % (boundary.encode(), i, f) for i, f in enumerate(frames)]
    body = b"".join(parts) + b"--%s--\r\n" % boundary.encode()
    return call("POST", f"/api/doors/{door}/access", body, f"multipart/form-data; boundary={boundary}")


def cpu_ms():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


sessions = defaultdict(list)
for subject in sorted(os.listdir(os.path.join(nuaa, "live"))):
    for name in os.listdir(os.path.join(nuaa, "live", subject)):
        m = re.match(r"(\d{4}_\d\d_\d\d_\d\d)_(\d+)\.jpg$", name)
        if m: sessions[m.group(1)].append((int(m.group(2)), os.path.join(nuaa, "live", subject, name)))
for s in sessions.values(): s.sort()

run = uuid.uuid4().hex[:6]
off_door, passive_door = f"bench-off-{run}", f"bench-passive-{run}"
post_json("/api/doors", {"id": off_door, "name": "Bench off", "zone": "bench", "liveness": "off"})
post_json("/api/doors", {"id": passive_door, "name": "Bench passive", "zone": "bench", "liveness": "passive"})
enrolled, enrol_frame = {}, {}
for session in sorted(sessions):
    subject = session[:4]
    if subject in enrolled: continue
    staff = f"nuaa-{subject}-{run}"
    post_json("/api/staff", {"id": staff, "name": f"Subject {subject}"})
    for _, path in sessions[session][:5]:  # the first frame the enrollment gates accept
        status, answer = call("POST", f"/api/staff/{staff}/faces", open(path, "rb").read(), "image/jpeg")
        if status == 201:
            enrolled[subject], enrol_frame[subject] = staff, path
            for door in (off_door, passive_door): call("PUT", f"/api/staff/{staff}/grants/{door}")
            break
print(f"enrolled {len(enrolled)} subjects", file=sys.stderr)

single, fused = defaultdict(int), defaultdict(int)
def outcome(d, subject):
    if d is None or "decision" not in d: return "error"
    if d["decision"] == "granted": return "right" if d["staffId"] == enrolled[subject] else "wrong"
    return d["reason"]

for session, frames in sorted(sessions.items()):
    subject = session[:4]
    if subject not in enrolled: continue
    paths = [p for _, p in frames if p != enrol_frame[subject]]
    for w in range(min(MAX_WINDOWS, len(paths) // WINDOW)):
        window = [open(p, "rb").read() for p in paths[w * WINDOW:(w + 1) * WINDOW]]
        fused[outcome(burst(off_door, window)[1], subject)] += 1
        for f in window: single[outcome(call("POST", f"/api/doors/{off_door}/access", f, "image/jpeg")[1], subject)] += 1

# Latency: one frame of an enrolled live person at the passive door, client-side wall time.
subject = sorted(enrolled)[0]
frame = open(sessions[sorted(s for s in sessions if s.startswith(subject))[0]][10][1], "rb").read()
latencies, reasons = [], defaultdict(int)
for _ in range(40):
    t = time.perf_counter()
    d = call("POST", f"/api/doors/{passive_door}/access", frame, "image/jpeg")[1]
    latencies.append((time.perf_counter() - t) * 1000)
    reasons[d["reason"]] += 1

# CPU: the silo process's user+system time per 30-frame burst (passive door: liveness on every tracked frame).
long_session = max(sessions.values(), key=len)
frames30 = [open(p, "rb").read() for _, p in long_session[:30]]
burst(passive_door, frames30)  # warm
before, t = cpu_ms(), time.perf_counter()
for _ in range(5): burst(passive_door, frames30)
cpu30, wall30 = (cpu_ms() - before) / 5, (time.perf_counter() - t) * 1000 / 5

print(json.dumps({
    "single_frames": dict(single), "bursts_15": dict(fused),
    "single_frame_passive_http_ms": {"p50": statistics.median(latencies), "p90": sorted(latencies)[int(0.9 * len(latencies))], "reasons": dict(reasons)},
    "burst_30_passive": {"silo_cpu_ms": cpu30, "wall_ms": wall30},
}, indent=1))
