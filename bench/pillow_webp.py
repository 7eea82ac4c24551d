"""The seed's Pillow conversion, for `npm run bench` (run with Debian's /usr/bin/python3 and python3-pil).

Usage: pillow_webp.py OUT_DIR RUNS IMAGE...
Writes OUT_DIR/<n>_<size>.webp for each input and prints one JSON object:
{"pillow": VERSION, "images": [{"sizes": {"sm": BYTES, ...}, "cpu_ms": [per run]}]}.
"""
import io
import json
import os
import sys
import time

from PIL import Image


# --- generate_webp_versions: copied exactly from /work/shared/seed/poster-frame-regeneration.md. ---
# The seed's excerpt uses `img` and `output` without defining them and returns nothing; the three
# lines marked "added" define them the obvious way and collect the result. Nothing else differs.
def generate_webp_versions(image_bytes: bytes) -> dict:
    img = Image.open(io.BytesIO(image_bytes))  # added
    results = {}  # added
    sizes = {
        'sm': (256, 256),
        'md': (512, 512),
        'lg': (1024, 1024)
    }
    
    for size_name, (width, height) in sizes.items():
        output = io.BytesIO()  # added
        resized = img.copy()
        resized.thumbnail((width, height), Image.Resampling.LANCZOS)
        resized.save(output, format='WEBP', quality=85, method=6)
        results[size_name] = output.getvalue()  # added
    return results
# --- end of the seed's code ---


def main() -> None:
    out_dir, runs, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    images = []
    for index, path in enumerate(paths):
        with open(path, 'rb') as file:
            image_bytes = file.read()
        cpu_ms = []
        for _ in range(runs):
            start = time.process_time()
            results = generate_webp_versions(image_bytes)
            cpu_ms.append((time.process_time() - start) * 1000)
        for size_name, data in results.items():
            with open(os.path.join(out_dir, f'{index}_{size_name}.webp'), 'wb') as file:
                file.write(data)
        images.append({'sizes': {name: len(data) for name, data in results.items()}, 'cpu_ms': cpu_ms})
    print(json.dumps({'pillow': Image.__version__, 'images': images}))


main()
