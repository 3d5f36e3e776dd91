"""Test prediction that takes its time (ClusterFailoverTests kills its instance meanwhile): sleeps, then predicts."""
import os
import runpy
import sys
import time

seconds = float(sys.argv[1])
sys.argv = [sys.argv[0]] + sys.argv[2:]
time.sleep(seconds)
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "predict.py"), run_name="__main__")
