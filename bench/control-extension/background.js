// Intentionally empty: present only so the benchmark can see the control extension has loaded.
