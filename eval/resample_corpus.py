#!/usr/bin/env python3
"""UNM's programs as one image, at the size of another corpus: a check that eval/replay.sh and the
service cope with a corpus of that size, and what the verdict does there.

    bash eval/replay.sh --export-unm /work/shared/data/unm-syscall-traces /tmp/unm-export
    python3 eval/resample_corpus.py /tmp/unm-export /tmp/unm-sized      # 833 / 4,372 / 746 traces
    bash eval/replay.sh /tmp/unm-sized
    python3 eval/resample_corpus.py --whole /tmp/unm-export /tmp/unm-mix  # every trace once: 1,429 / 670 / 102

EXPORT is what `eval/replay.sh --export-unm` wrote (one folder per UNM set, each with train/, normal/,
attack/KIND/). OUT gets the layout eval/replay.sh reads: train/ drawn without replacement from all sets'
learning traces; normal/ drawn with replacement from all sets' held-out normal traces; attack/SET-KIND/
drawn with replacement from the attack traces of the sets whose attacks are a handful of processes
(lpr's and stide's sets have a thousand processes per file and would be most of the draw). Each copy is
its own file, so its own container. The default sizes are those of the held-out corpus issue #17
describes (833 learning, 4,372 normal, 746 attack runs). Normal traces repeat, so this measures cost and
robustness at that size; the detection figures are a proxy, not an estimate for that corpus. With --whole
every one of those traces is copied once, nothing drawn: the one-image replay the README quotes.
"""
import argparse
import os
import random
import shutil

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('export')
p.add_argument('out')
p.add_argument('--train', type=int, default=833)
p.add_argument('--normal', type=int, default=4372)
p.add_argument('--attack', type=int, default=746)
p.add_argument('--attack-sets', default='sendmail,xlock,named,login,ps,inetd')
p.add_argument('--seed', type=int, default=7)
p.add_argument('--whole', action='store_true', help='copy every trace once instead of drawing')
a = p.parse_args()
rnd = random.Random(a.seed)


def files(folder):
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, n) for n in sorted(names) if not n.startswith('.')]
    return found


sets = sorted(d for d in os.listdir(a.export) if os.path.isdir(os.path.join(a.export, d, 'train')))
train = [f for s in sets for f in files(os.path.join(a.export, s, 'train'))]
normal = [f for s in sets for f in files(os.path.join(a.export, s, 'normal'))]
attack = [(f'{s}-{os.path.relpath(f, os.path.join(a.export, s, "attack")).split(os.sep)[0]}', f)
          for s in a.attack_sets.split(',') for f in files(os.path.join(a.export, s, 'attack'))]
if a.train > len(train):
    raise SystemExit(f'only {len(train)} learning traces in {a.export}')


def copy(source, folder, name):
    os.makedirs(folder, exist_ok=True)
    shutil.copyfile(source, os.path.join(folder, name))


# the learning traces are drawn first, then the normal, then the attack traces: a seed's corpus depends on it
drawn_train = sorted(train if a.whole else rnd.sample(train, a.train))
drawn_normal = normal if a.whole else [rnd.choice(normal) for _ in range(a.normal)]
drawn_attack = attack if a.whole else [rnd.choice(attack) for _ in range(a.attack)]
for i, f in enumerate(drawn_train):
    copy(f, os.path.join(a.out, 'train'), f'train-{i:05d}')
for i, f in enumerate(drawn_normal):
    copy(f, os.path.join(a.out, 'normal'), f'normal-{i:05d}')
for i, (kind, f) in enumerate(drawn_attack):
    copy(f, os.path.join(a.out, 'attack', kind), f'attack-{i:05d}')
print(f'{a.out}: {len(drawn_train)} of {len(train)} learning traces, {len(drawn_normal)} of {len(normal)} normal, '
      f'{len(drawn_attack)} of {len(attack)} attack traces of {len({k for k, _ in attack})} kinds')
