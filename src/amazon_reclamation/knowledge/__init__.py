"""What the law and Amazon's policies say, as data: the part a lawyer reviews."""
