import sys, time
import numpy as np, pandas as pd
from bench import datasets, metrics
from analysis.projection import project
for name in ("m3","tourism"):
    S=datasets.load(name); H=datasets.horizon(name)
    m=[];c80=[];c95=[]; t0=time.perf_counter()
    for x in S:
        hist=pd.Series(x.train,index=range(1,len(x.train)+1))
        p=project(hist,len(x.train)+H,bounds=(0,None))
        m.append(metrics.mase(x.train,x.test,p['median'].to_numpy()))
        c80.append(metrics.covered(x.test,p['lo_80'].to_numpy(),p['hi_80'].to_numpy()))
        c95.append(metrics.covered(x.test,p['lo_95'].to_numpy(),p['hi_95'].to_numpy()))
    dt=time.perf_counter()-t0
    print(name, round(np.mean(m),3), round(np.mean(c80),3), round(np.mean(c95),3), f"{len(S)/dt:.0f} series/s")
